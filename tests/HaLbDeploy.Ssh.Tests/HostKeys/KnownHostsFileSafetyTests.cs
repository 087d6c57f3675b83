using System.Runtime.Versioning;
using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

[UnsupportedOSPlatform("windows")]
public sealed class KnownHostsFileSafetyTests
{
    [Fact]
    public void A_symbolic_link_is_refused_naming_its_target_and_how_to_use_the_file_itself()
    {
        using var dir = new TempDirectory();
        var target = dir.File("shared_known_hosts");
        File.WriteAllText(target, $"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\n");
        var link = dir.File("known_hosts");
        File.CreateSymbolicLink(link, target);

        var fault = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsFile.Load(link));

        Assert.Equal($"known_hosts {link} is a symbolic link to {target}: halb-deploy trusts host keys only from a regular file, because whoever can " +
                     $"change the link chooses which keys are trusted. Point ssh.known_hosts at the file itself ({target}), or replace the link " +
                     $"with a copy: `cp --remove-destination {target} {link}`", fault.Message);
    }

    [Fact]
    public void A_dangling_symbolic_link_is_refused_too()
    {
        using var dir = new TempDirectory();
        var link = dir.File("known_hosts");
        File.CreateSymbolicLink(link, dir.File("not-there"));

        Assert.Throws<KnownHostsRefusedException>(() => KnownHostsFile.Load(link));
    }

    [Theory]
    [InlineData("664", "its group")]
    [InlineData("646", "others")]
    [InlineData("666", "its group and by others")]
    [InlineData("622", "its group and by others")]
    public void A_file_writable_by_group_or_others_is_refused_with_the_chmod_that_fixes_it(string mode, string who)
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, $"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));

        var fault = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsFile.Load(path));

        Assert.Equal($"known_hosts {path} is writable by {who} (mode 0{mode}): anyone who can write it can make halb-deploy trust their host key. " +
                     $"Fix it with `chmod go-w {path}` and check the keys in it", fault.Message);
    }

    [Theory]
    [InlineData("644")]
    [InlineData("600")]
    [InlineData("444")]
    public void A_regular_file_only_its_owner_can_write_is_read(string mode)
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, $"10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));

        Assert.Single(KnownHostsFile.Load(path).Entries);
    }

    [Fact]
    public void A_path_with_spaces_is_quoted_in_the_fix()
    {
        using var dir = new TempDirectory();
        var path = dir.File("my known_hosts");
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("666", 8));

        var fault = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsFile.Load(path));

        Assert.Contains($"`chmod go-w '{path}'`", fault.Message);
    }

    public static TheoryData<string, string> SpecialFiles => new()
    {
        { "fifo", "is a FIFO (named pipe), not a regular file" },
        { "directory", "is a directory, not a regular file" },
        { "socket", "is a socket, not a regular file" },
        { "huge-sparse", $"has {KnownHostsFile.MaxBytes + 1L} bytes, more than the 16384 KiB allowed" },
    };

    [Theory]
    [MemberData(nameof(SpecialFiles))]
    public void A_known_hosts_that_is_no_regular_file_of_bounded_size_is_refused_at_once_when_loaded_and_when_a_key_is_recorded(string kind, string said)
    {
        using var dir = new TempDirectory();
        var path = SshLoginBuilderSpecialFileTests.Make(dir, kind, KnownHostsFile.MaxBytes + 1L);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var loading = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsFile.Load(path));
        var recording = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsRecorder.Append(path, "10.0.0.5", 22, new PresentedHostKey(TestKeys.Blob(TestKeys.Ed25519A))));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.StartsWith($"known_hosts {path} {said}", loading.Message);
        Assert.Equal(loading.Message, recording.Message);
        Assert.Contains("Point ssh.known_hosts at the known_hosts file itself", loading.Message);
    }
}
