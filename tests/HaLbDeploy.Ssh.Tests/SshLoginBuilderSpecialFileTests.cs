using System.Diagnostics;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>
/// ssh.private_key gets the checks every inventory file gets: a FIFO, a device behind a link, a directory, a socket or a file
/// larger than the cap is refused at once with what it is, never opened into a hang or read without end.
/// </summary>
public sealed class SshLoginBuilderSpecialFileTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private static SshCredentials NoSecrets => new(null, null, null);

    public static TheoryData<string, string> SpecialFiles => new()
    {
        { "fifo", "is a FIFO (named pipe), not a regular file" },
        { "zero-link", "is a character device, not a regular file" },
        { "directory", "is a directory, not a regular file" },
        { "socket", "is a socket, not a regular file" },
        { "huge-sparse", $"has {SshLoginBuilder.MaxPrivateKeyBytes + 1} bytes, more than the 64 KiB allowed" },
    };

    [Theory]
    [MemberData(nameof(SpecialFiles))]
    public void A_private_key_that_is_no_regular_file_of_bounded_size_is_refused_at_once_saying_what_it_is(string kind, string said)
    {
        var path = Make(dir, kind, SshLoginBuilder.MaxPrivateKeyBytes + 1);
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = path });
        var clock = Stopwatch.StartNew();

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(node, NoSecrets, new FakeEnvironment(dir.Path)));

        Assert.True(clock.Elapsed < Prompt, $"took {clock.Elapsed}");
        Assert.StartsWith($"lb1: private key {path} {said}", fault.Message);
    }

    /// <summary>A FIFO, a link to /dev/zero, a directory, a socket or a sparse file of <paramref name="hugeBytes"/> at dir/kind.</summary>
    internal static string Make(TempDirectory dir, string kind, long hugeBytes) => HaLbDeploy.Tests.Shared.SpecialFile.Make(dir.File(kind), kind, hugeBytes);
}
