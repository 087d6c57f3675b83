using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Runtime.Tests.Local;

/// <summary>
/// The opener with statx (this machine's path) and its fallback for a C library without statx, called directly:
/// the fallback cannot tell a FIFO or a device from an empty file, so it gives every file of length 0 as empty
/// without opening it. Neither path ever blocks on a FIFO or reads past the cap.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RegularFileOpenerTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private readonly string _folder = Directory.CreateTempSubdirectory("halb-opener-").FullName;

    private delegate bool Opener(string path, long maxBytes, out Stream stream, out LocalFileRead failure);

    public static TheoryData<string> Openers => ["statx", "fallback"];

    private static Opener For(string opener) => opener == "statx" ? RegularFileOpener.TryOpen : RegularFileOpener.TryOpenWithoutStatx;

    [Theory]
    [MemberData(nameof(Openers))]
    public void A_regular_file_within_the_cap_is_opened_and_read_whole(string opener)
    {
        var path = Write("a.yaml", "vip: 10.0.0.1\n");

        Assert.True(For(opener)(path, 100, out var stream, out _));

        using (stream) Assert.Equal("vip: 10.0.0.1\n", new StreamReader(stream, Encoding.UTF8).ReadToEnd());
    }

    [Theory]
    [MemberData(nameof(Openers))]
    public void A_link_to_a_regular_file_is_followed(string opener)
    {
        var target = Write("target.yaml", "x: 1\n");
        var link = Path.Combine(_folder, "link.yaml");
        File.CreateSymbolicLink(link, target);

        Assert.True(For(opener)(link, 100, out var stream, out _));

        using (stream) Assert.Equal("x: 1\n", new StreamReader(stream).ReadToEnd());
    }

    [Theory]
    [MemberData(nameof(Openers))]
    public void A_missing_file_is_missing(string opener)
    {
        Assert.False(For(opener)(Path.Combine(_folder, "nope"), 100, out _, out var failure));

        Assert.Equal(LocalFileReadStatus.Missing, failure.Status);
    }

    [Theory]
    [MemberData(nameof(Openers))]
    public void A_directory_is_not_a_regular_file(string opener)
    {
        Assert.False(For(opener)(_folder, 100, out _, out var failure));

        Assert.Equal((LocalFileReadStatus.NotARegularFile, "a directory"), (failure.Status, failure.Reason));
    }

    [Theory]
    [MemberData(nameof(Openers))]
    public void A_sparse_file_over_the_cap_is_too_large_and_not_read(string opener)
    {
        var path = Path.Combine(_folder, "huge");
        using (var file = File.Create(path)) file.SetLength(10L * 1024 * 1024 * 1024);

        Assert.False(For(opener)(path, 1024 * 1024, out _, out var failure));

        Assert.Equal((LocalFileReadStatus.TooLarge, 10L * 1024 * 1024 * 1024), (failure.Status, failure.Length));
    }

    [Fact]
    public void With_statx_a_fifo_is_refused_as_what_it_is_without_being_opened()
    {
        var fifo = MakeFifo();
        var clock = Stopwatch.StartNew();

        Assert.False(RegularFileOpener.TryOpen(fifo, 100, out _, out var failure));

        Assert.True(clock.Elapsed < Prompt);
        Assert.Equal((LocalFileReadStatus.NotARegularFile, "a FIFO (named pipe)"), (failure.Status, failure.Reason));
    }

    [Fact]
    public void Without_statx_a_fifo_and_a_link_to_dev_zero_read_as_empty_at_once_and_are_never_opened()
    {
        var fifo = MakeFifo();
        var zero = Path.Combine(_folder, "zero");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var clock = Stopwatch.StartNew();

        Assert.True(RegularFileOpener.TryOpenWithoutStatx(fifo, 100, out var fromFifo, out _));
        Assert.True(RegularFileOpener.TryOpenWithoutStatx(zero, 100, out var fromZero, out _));

        Assert.True(clock.Elapsed < Prompt, $"took {clock.Elapsed}");
        Assert.Same(Stream.Null, fromFifo);
        Assert.Same(Stream.Null, fromZero);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string MakeFifo()
    {
        var path = Path.Combine(_folder, "fifo");
        using var made = Process.Start("mkfifo", [path]);
        made.WaitForExit();
        Assert.Equal(0, made.ExitCode);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
