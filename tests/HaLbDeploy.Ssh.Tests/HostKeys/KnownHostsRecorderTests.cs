using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class KnownHostsRecorderTests
{
    private static readonly PresentedHostKey KeyA = new(TestKeys.Blob(TestKeys.Ed25519A));

    [Fact]
    public void A_recorded_key_is_written_in_openssh_form_and_then_trusted()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);
        KnownHostsRecorder.Append(path, "10.0.0.6", 2222, KeyA);

        Assert.Equal($"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\n[10.0.0.6]:2222 ssh-ed25519 {TestKeys.Ed25519A}\n", File.ReadAllText(path));
        var check = new HostKeyCheck("10.0.0.6", 2222, KeyA, KnownHostsFile.Load(path), AcceptNew: false);
        Assert.Equal(HostKeyVerdict.TrustedKnown, HostKeyVerifier.Decide(check).Verdict);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_missing_file_is_created_0600_in_a_new_directory_made_0700()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ssh/known_hosts");

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir.File("ssh")));
    }

    [Fact]
    public void A_file_without_a_final_newline_gets_one_before_the_new_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, $"10.0.0.9 ssh-ed25519 {TestKeys.Ed25519B}");

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Equal(2, KnownHostsFile.Load(path).Entries.Count);
    }

    [Fact]
    public void The_line_written_is_accepted_by_ssh_keygen()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Contains(TestKeys.Ed25519AFingerprint, ExternalTool.Run("ssh-keygen", "-l", "-F", "10.0.0.5", "-f", path));
    }
}
