using System.Diagnostics;
using System.Runtime.Versioning;

namespace HaLbDeploy.Ssh.Tests;

/// <summary>
/// The run lock script, run for real by dash and bash with flock from util-linux, on a lock file in a temporary
/// folder: the first holder keeps it while its standard input is open, a second is refused with the owner line.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RunLockScriptTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private const string FirstOwner = "run aaaa1111 by alice on ctl1 since 2026-12-01T23:10:02Z";
    private const string SecondOwner = "run bbbb2222 by bob on ctl2 since 2026-12-01T23:11:00Z";
    private readonly string _folder = Directory.CreateTempSubdirectory("halb-lock-").FullName;
    private readonly List<Process> _processes = [];

    private string LockPath => Path.Combine(_folder, "halb-deploy.lock");

    public static TheoryData<string> Shells => ["dash", "bash"];

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_first_run_holds_the_lock_and_a_second_is_refused_with_the_first_runs_owner_line(string shell)
    {
        var first = Start(shell, FirstOwner);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));

        var second = Start(shell, SecondOwner);
        var (exit, output) = await EndAsync(second);

        Assert.Equal((RunLockScript.HeldExitStatus, FirstOwner + "\n"), (exit, output));
        Assert.False(first.HasExited);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Closing_the_holders_standard_input_releases_the_lock_for_the_next_run(string shell)
    {
        var first = Start(shell, FirstOwner);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));

        first.StandardInput.Close();
        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        var second = Start(shell, SecondOwner);

        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(second));
        Assert.Equal(SecondOwner + "\n", await File.ReadAllTextAsync(LockPath + ".owner"));
    }

    [Fact]
    public async Task A_killed_holder_releases_the_lock_with_its_process()
    {
        var first = Start("dash", FirstOwner);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));

        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        var second = Start("dash", SecondOwner);

        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(second));
    }

    [Fact]
    public void An_owner_line_with_a_quote_is_never_put_into_the_script()
    {
        Assert.Throws<ArgumentException>(() => RunLockScript.For("run x by o'brien on h since t", LockPath));
    }

    private Process Start(string shell, string owner)
    {
        var process = Process.Start(new ProcessStartInfo(shell, "-s")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _processes.Add(process);
        process.StandardInput.Write(RunLockScript.For(owner, LockPath) + "\n");
        process.StandardInput.Flush();
        return process;
    }

    private static async Task<string?> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync(new CancellationTokenSource(Deadline).Token);

    private static async Task<(int Exit, string Output)> EndAsync(Process process)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        var output = await process.StandardOutput.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, output);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // ended meanwhile
            }
            process.Dispose();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
