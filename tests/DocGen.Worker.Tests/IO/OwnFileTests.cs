using System.Diagnostics;
using DocGen.Worker.IO;

namespace DocGen.Worker.Tests.IO;

public sealed class OwnFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("docgen-own-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static void Shell(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script, "bash", .. args]))!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void Open_CreatesAndOpensARegularFile()
    {
        using var handle = OwnFile.Open(PathOf("lock"), create: true, out var found);

        Assert.NotNull(handle);
        Assert.Equal(EntryKind.Regular, found.Kind);
        Assert.True(OwnFile.TryLock(handle));
    }

    [Fact]
    public void Open_OfALinkAFifoOrAFileWithTwoNames_IsNull_AndNeverOpensWhatIsBehind()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "links and FIFOs as Linux has them");
        File.WriteAllText(PathOf("victim"), "keep");
        Shell("cd \"$1\" && ln -s victim link && mkfifo fifo && ln victim second", _folder);

        foreach (var (name, kind) in new[] { ("link", EntryKind.SymbolicLink), ("fifo", EntryKind.Fifo), ("second", EntryKind.Regular) })
        {
            Assert.Null(OwnFile.Open(PathOf(name), create: true, out var found));
            Assert.Equal(kind, found.Kind);
        }

        Assert.Equal("keep", File.ReadAllText(PathOf("victim")));
    }

    [Fact]
    public void Lock_HeldByAnotherOpen_IsRefused()
    {
        using var first = OwnFile.Open(PathOf("lock"), create: true, out _)!;
        using var second = OwnFile.Open(PathOf("lock"), create: true, out _)!;

        Assert.True(OwnFile.TryLock(first));
        Assert.False(OwnFile.TryLock(second));
    }

    [Fact]
    public void Replace_PutsAFileWhereALinkWas_WithoutWritingThroughIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "links as Linux has them");
        File.WriteAllText(PathOf("victim"), "keep");
        Shell("cd \"$1\" && ln -s victim note", _folder);

        OwnFile.Replace(PathOf("note"), "ours"u8);

        Assert.Equal("keep", File.ReadAllText(PathOf("victim")));
        Assert.Equal("ours", File.ReadAllText(PathOf("note")));
        Assert.Null(new FileInfo(PathOf("note")).LinkTarget);
    }

    [Fact]
    public void ReadSmall_OfALinkToAnEndlessDevice_IsNull_AtOnce()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero");
        Shell("ln -s /dev/zero \"$1/zero\"", _folder);

        Assert.Null(OwnFile.ReadSmall(PathOf("zero"), 4096));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
