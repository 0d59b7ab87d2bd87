using DocGen.Worker.IO;

namespace DocGen.Worker.Tests.IO;

public sealed class NoReplaceMoveTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docgen-move-");

    [Fact]
    public void FreeTarget_IsMovedIntoPlace_AndTheSourceIsGone()
    {
        var source = Write("a.json", "A");
        var target = Path.Combine(_folder.FullName, "b.json");

        NoReplaceMove.Move(source, target);

        Assert.False(File.Exists(source));
        Assert.Equal("A", File.ReadAllText(target));
    }

    [Fact]
    public void ExistingTarget_IsNeverReplaced_AndTheSourceStays()
    {
        var source = Write("a.json", "A");
        var target = Write("b.json", "B");

        var error = Assert.ThrowsAny<IOException>(() => NoReplaceMove.Move(source, target));

        Assert.IsNotType<FileNotFoundException>(error);
        Assert.Equal("B", File.ReadAllText(target));
        Assert.Equal("A", File.ReadAllText(source));
    }

    [Fact]
    public void MissingSource_IsReportedAsFileNotFound()
    {
        var source = Path.Combine(_folder.FullName, "gone.json");

        Assert.Throws<FileNotFoundException>(() => NoReplaceMove.Move(source, Path.Combine(_folder.FullName, "b.json")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ManyMovesToOneName_ExactlyOneWins(bool linkFallback)
    {
        var target = Path.Combine(_folder.FullName, "stem.receipt.json");
        var sources = Enumerable.Range(0, 16).Select(i => Write($"r{i}.json", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var winners = 0;

        var move = Mover(linkFallback);
        Parallel.ForEach(sources, new ParallelOptions { MaxDegreeOfParallelism = 8 }, source =>
        {
            try
            {
                move(source, target);
                Interlocked.Increment(ref winners);
            }
            catch (IOException)
            {
                // lost the race: the source must still be there
                Assert.True(File.Exists(source));
            }
        });

        Assert.Equal(1, winners);
        Assert.Equal(15, sources.Count(File.Exists));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OneSourceToManyTargets_ExactlyOneWins(bool linkFallback)
    {
        // Several instances taking the same file: it must end up in exactly one place. Many
        // rounds, so that movers really overlap between their link and their unlink.
        var move = Mover(linkFallback);
        for (var round = 0; round < 200; round++)
        {
            var source = Write($"x{round}.json", "X");
            var targets = Enumerable.Range(0, 8).Select(i => Path.Combine(_folder.FullName, $"r{round}-claim{i}.json")).ToList();
            var winners = 0;
            using var start = new Barrier(targets.Count);
            var movers = targets.Select(target => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    move(source, target);
                    Interlocked.Increment(ref winners);
                }
                catch (FileNotFoundException)
                {
                    // another mover took it
                }
            })).ToList();
            movers.ForEach(static t => t.Start());
            movers.ForEach(static t => t.Join());

            Assert.Equal(1, winners);
            Assert.False(File.Exists(source));
            Assert.Single(targets, File.Exists);
        }
    }

    /// <summary>The move under test: the normal one, or the link(2) path that file systems without RENAME_NOREPLACE take (called directly: nothing process-wide is changed).</summary>
    private static Action<string, string> Mover(bool linkFallback) => linkFallback ? static (s, t) => NoReplaceMove.MoveByLink(s, t) : NoReplaceMove.Move;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
