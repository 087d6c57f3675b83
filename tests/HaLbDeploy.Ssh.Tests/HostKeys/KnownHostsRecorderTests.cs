using System.Diagnostics;
using System.Runtime.Versioning;
using HaLbDeploy.Ssh.HostKeys;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.HostKeys;

public sealed class KnownHostsRecorderTests
{
    private static readonly PresentedHostKey KeyA = new(TestKeys.Blob(TestKeys.Ed25519A));
    private static readonly PresentedHostKey KeyB = new(TestKeys.Blob(TestKeys.Ed25519B));
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

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

    [Fact]
    public void A_key_already_recorded_for_the_host_is_not_written_again()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");

        var first = KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);
        var second = KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Equal((KnownHostsAppendResult.Appended, KnownHostsAppendResult.AlreadyRecorded), (first, second));
        Assert.Single(KnownHostsFile.Load(path).Entries);
    }

    [Fact]
    public void A_different_key_another_run_recorded_meanwhile_is_reported_and_not_added_beside_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyB);
        var before = File.ReadAllText(path);

        var result = KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Equal(KnownHostsAppendResult.ConflictingKey, result);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void The_lock_file_is_gone_after_appending()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        Assert.Equal(["known_hosts"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Two_processes_recording_the_same_hosts_at_once_record_every_host_exactly_once()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        var go = dir.File("go");
        using var first = SecondProcess.Start("append-known-hosts", path, "0", "300", go);
        using var second = SecondProcess.Start("append-known-hosts", path, "0", "300", go);
        using var timeout = new CancellationTokenSource(Deadline);
        Assert.Equal("ready", await first.StandardOutput.ReadLineAsync(timeout.Token));
        Assert.Equal("ready", await second.StandardOutput.ReadLineAsync(timeout.Token));

        await File.WriteAllTextAsync(go, "", timeout.Token);
        var outputs = await Task.WhenAll(first.StandardOutput.ReadToEndAsync(timeout.Token), second.StandardOutput.ReadToEndAsync(timeout.Token));
        await Task.WhenAll(first.WaitForExitAsync(timeout.Token), second.WaitForExitAsync(timeout.Token));

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, $"{first.ExitCode} {second.ExitCode}: {await first.StandardError.ReadToEndAsync()}{await second.StandardError.ReadToEndAsync()}");
        var appended = outputs.Sum(o => int.Parse(o.Trim().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        AssertEveryHostOnce(path, 300);
        Assert.Equal(300, appended);
    }

    [Fact]
    public async Task Independent_writers_in_one_process_recording_the_same_hosts_record_each_exactly_once()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        using var start = new Barrier(4);

        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            start.SignalAndWait(Deadline);
            return Enumerable.Range(0, 150).Count(n => KnownHostsRecorder.Append(path, SecondProcess.Host(n), 22, KeyA) == KnownHostsAppendResult.Appended);
        }));
        var appended = await Task.WhenAll(writers).WaitAsync(Deadline);

        AssertEveryHostOnce(path, 150);
        Assert.Equal(150, appended.Sum());
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_writer_waits_while_another_process_holds_the_lock()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, "");
        var holder = new ProcessStartInfo("flock", ["-x", path + ".lock", "-c", $"echo held; sleep 1.5; echo '# written while holding the lock' >> '{path}'"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(holder)!;
        using var timeout = new CancellationTokenSource(Deadline);
        Assert.Equal("held", await process.StandardOutput.ReadLineAsync(timeout.Token));

        KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA);

        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal($"# written while holding the lock\n10.0.0.5 ssh-ed25519 {TestKeys.Ed25519A}\n", File.ReadAllText(path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_writer_that_takes_no_lock_like_ssh_loses_no_line_to_ours_and_we_none_to_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, "");
        var script = $"echo go; i=0; while [ $i -lt 3000 ]; do echo \"# foreign $i\" >> '{path}'; i=$((i+1)); done";
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", script]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            using var timeout = new CancellationTokenSource(Deadline);
            Assert.Equal("go", await process.StandardOutput.ReadLineAsync(timeout.Token));

            for (var n = 0; n < 300; n++) KnownHostsRecorder.Append(path, SecondProcess.Host(n), 22, KeyA);

            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => $"# foreign {i}"), lines.Where(l => l.StartsWith('#')));
        AssertEveryHostOnce(path, 300);
        // Seen once in CI: 3301 lines, all 3,300 intact plus one more. The likely cause: a foreign line that straddles a
        // 4 KiB page becomes visible in two steps, we read the file ending mid-line, add the separating newline, and
        // the foreign write completes first: one blank line, which ssh and our parser skip. So blank lines are allowed.
        Assert.Equal(3300, lines.Count(l => l.Length > 0));
        Assert.True(lines.Length - 3300 <= 3, $"{lines.Length - 3300} blank lines");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_symbolic_link_is_refused_and_nothing_is_written_through_it()
    {
        using var dir = new TempDirectory();
        var target = dir.File("elsewhere");
        File.WriteAllText(target, "");
        File.CreateSymbolicLink(dir.File("known_hosts"), target);

        var fault = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsRecorder.Append(dir.File("known_hosts"), "10.0.0.5", 22, KeyA));

        Assert.Contains("is a symbolic link", fault.Message);
        Assert.Equal("", File.ReadAllText(target));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_others_can_write_is_refused_and_not_written()
    {
        using var dir = new TempDirectory();
        var path = dir.File("known_hosts");
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("666", 8));

        var fault = Assert.Throws<KnownHostsRefusedException>(() => KnownHostsRecorder.Append(path, "10.0.0.5", 22, KeyA));

        Assert.Contains($"chmod go-w {path}", fault.Message);
        Assert.Equal("", File.ReadAllText(path));
    }

    private static void AssertEveryHostOnce(string path, int hosts)
    {
        var file = KnownHostsFile.Load(path);
        Assert.Empty(file.Notes);
        var recorded = file.Entries.Select(e => e.HostField).ToList();
        Assert.Equal(hosts, recorded.Count);
        Assert.Equal(Enumerable.Range(0, hosts).Select(SecondProcess.Host).Order(), recorded.Order());
    }
}
