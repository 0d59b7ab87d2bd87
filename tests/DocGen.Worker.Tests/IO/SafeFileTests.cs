using DocGen.Worker.IO;

namespace DocGen.Worker.Tests.IO;

public sealed class SafeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("docgen-safe-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void RegularFile_IsReadWhole()
    {
        File.WriteAllText(PathOf("a.json"), "{\"kind\":\"combined\"}");

        var read = SafeFile.Read(PathOf("a.json"), 1024);

        Assert.Equal(SafeReadOutcome.Read, read.Outcome);
        Assert.Equal("{\"kind\":\"combined\"}"u8.ToArray(), read.Bytes);
        Assert.Equal(EntryKind.Regular, read.Info.Kind);
    }

    [Fact]
    public void FileLargerThanTheLimit_IsRefusedByItsSize_WithoutBeingRead()
    {
        using (var f = File.Create(PathOf("big.json")))
        {
            f.SetLength(30L * 1024 * 1024); // sparse: takes no disk
        }

        var read = SafeFile.Read(PathOf("big.json"), 16 * 1024 * 1024);

        Assert.Equal(SafeReadOutcome.TooLarge, read.Outcome);
        Assert.Null(read.Bytes);
        Assert.Equal(30L * 1024 * 1024, read.Info.Length);
    }

    [Fact]
    public void SymbolicLink_IsNeverFollowed()
    {
        File.WriteAllText(PathOf("target.json"), "{}");
        File.CreateSymbolicLink(PathOf("link.json"), PathOf("target.json"));
        File.CreateSymbolicLink(PathOf("zero.json"), "/dev/zero");

        Assert.Equal(SafeReadOutcome.NotRegular, SafeFile.Read(PathOf("link.json"), 1024).Outcome);
        var zero = SafeFile.Read(PathOf("zero.json"), 1024);
        Assert.Equal(SafeReadOutcome.NotRegular, zero.Outcome);
        Assert.Equal(EntryKind.SymbolicLink, zero.Info.Kind);
    }

    [Fact]
    public void Fifo_IsRecognised_WithoutBlocking()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are a Unix matter");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [PathOf("pipe.json")]))
        {
            mkfifo.WaitForExit();
        }

        var read = SafeFile.Read(PathOf("pipe.json"), 1024);

        Assert.Equal(SafeReadOutcome.NotRegular, read.Outcome);
        Assert.Equal(EntryKind.Fifo, read.Info.Kind);
    }

    [Fact]
    public void FolderNamedLikeAFile_IsNotRead()
    {
        Directory.CreateDirectory(PathOf("dir.json"));

        var read = SafeFile.Read(PathOf("dir.json"), 1024);

        Assert.Equal((SafeReadOutcome.NotRegular, EntryKind.Directory), (read.Outcome, read.Info.Kind));
    }

    [Fact]
    public void HardLink_IsRecognisedByItsLinkCount()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "hard links are checked on Linux");
        File.WriteAllText(PathOf("outside.json"), "{}");
        using (var ln = System.Diagnostics.Process.Start("ln", [PathOf("outside.json"), PathOf("inside.json")]))
        {
            ln.WaitForExit();
        }

        var read = SafeFile.Read(PathOf("inside.json"), 1024);

        Assert.Equal(SafeReadOutcome.HardLink, read.Outcome);
        Assert.Equal(2, read.Info.Links);
        Assert.Null(read.Bytes);
    }

    [Fact]
    public void MissingEntry_IsMissing() => Assert.Equal(SafeReadOutcome.Missing, SafeFile.Read(PathOf("none.json"), 1024).Outcome);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
