using System.Runtime.Versioning;
using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

[SupportedOSPlatform("linux")]
public sealed class AppendOnlyWriterTests
{
    [Fact]
    public void The_descriptor_appends_with_O_APPEND_so_the_kernel_puts_every_write_at_the_end()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, "first\n");
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

        AppendOnlyWriter.Write(file, "second\n"u8.ToArray());

        var fd = (int)file.SafeFileHandle.DangerousGetHandle();
        var flags = File.ReadAllLines($"/proc/self/fdinfo/{fd}").Single(l => l.StartsWith("flags:", StringComparison.Ordinal));
        const int oAppend = 0x400;
        Assert.NotEqual(0, Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & oAppend);
        Assert.Equal("first\nsecond\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_write_lands_at_the_end_even_when_the_stream_position_is_stale()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, "first\n");
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        File.AppendAllText(path, "written by another process\n");

        AppendOnlyWriter.Write(file, "ours\n"u8.ToArray());

        Assert.Equal("first\nwritten by another process\nours\n", File.ReadAllText(path));
    }
}
