using System.Diagnostics;
using System.Runtime.Versioning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Tests.Scripts;

/// <summary>
/// The run lock script, run for real by dash and bash with flock from util-linux, on a lock file in a temporary
/// folder: the first holder keeps it while beats come, a second is refused at once with the beat's age and the owner
/// record, a holder without beats lets go after its timeout, and a second run that waits gets the lock then.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RunLockScriptTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private const string FirstOwner = "run aaaa1111 by alice on ctl1 since 2026-12-01T23:10:02Z";
    private const string SecondOwner = "run bbbb2222 by bob on ctl2 since 2026-12-01T23:11:00Z";
    /// <summary>
    /// The holder's wait for a beat in the tests that beat it. 1 s failed a fresh-clone CI run (2026-12-03, dash): on
    /// the loaded 2-core machine the holder's `timeout 1 dd` ran out between beats sent every 250 ms, before dd was
    /// even scheduled to read the byte waiting in the pipe. 3 s leaves that room and still ends an unbeaten holder
    /// well inside each test's window.
    /// </summary>
    private const int ShortHolderTimeout = 3;
    private readonly string _folder = Directory.CreateTempSubdirectory("halb-lock-").FullName;
    private readonly List<Process> _processes = [];

    private string LockPath => Path.Combine(_folder, "halb-deploy.lock");

    public static TheoryData<string> Shells => ["dash", "bash"];

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task The_first_run_holds_the_lock_and_a_second_is_refused_at_once_with_the_beat_age_and_the_first_runs_owner_line(string shell)
    {
        var first = Start(shell, FirstOwner);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        var clock = Stopwatch.StartNew();

        var (exit, output) = await EndAsync(Start(shell, SecondOwner));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"refused after {clock.Elapsed}");
        Assert.Equal(RunLockScript.HeldExitStatus, exit);
        var holder = RunLockHolder.Parse(output);
        Assert.Equal(FirstOwner + "\n", holder.OwnerText);
        Assert.InRange(holder.BeatAgeSeconds!.Value, 0, 1);
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

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_holder_whose_input_stays_open_but_gets_no_beat_lets_go_after_its_timeout(string shell)
    {
        var first = Start(shell, FirstOwner, holderTimeout: 2);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        var clock = Stopwatch.StartNew();

        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);

        Assert.Equal(0, first.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(Start(shell, SecondOwner)));
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Beats_keep_a_holder_alive_past_its_timeout_and_no_beat_is_ever_run_as_a_command(string shell)
    {
        var first = Start(shell, FirstOwner, holderTimeout: ShortHolderTimeout);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        File.SetLastWriteTimeUtc(LockPath + ".owner", DateTime.UtcNow.AddMinutes(-5));

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(ShortHolderTimeout * 3);
        while (DateTime.UtcNow < until)
        {
            Beat(first);
            await Task.Delay(250);
        }

        Assert.False(first.HasExited, "the holder ended although it was beaten");
        Assert.True(DateTime.UtcNow - File.GetLastWriteTimeUtc(LockPath + ".owner") < TimeSpan.FromSeconds(2), "a beat did not touch the owner record");
        first.StandardInput.Close();
        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        Assert.Equal("", await first.StandardError.ReadToEndAsync());
        Assert.Equal(0, first.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_second_run_that_waits_gets_the_lock_once_a_holder_without_beats_lets_go(string shell)
    {
        var first = Start(shell, FirstOwner, holderTimeout: 2);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        var clock = Stopwatch.StartNew();

        var second = Start(shell, SecondOwner, waitSeconds: 6);

        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(second));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);
        Assert.Equal(SecondOwner + "\n", await File.ReadAllTextAsync(LockPath + ".owner"));
    }

    [Fact]
    public async Task A_second_run_that_waits_is_still_refused_when_the_holder_keeps_beating()
    {
        var first = Start("dash", FirstOwner, holderTimeout: ShortHolderTimeout);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        using var beating = new CancellationTokenSource();
        var beats = Task.Run(async () =>
        {
            while (!beating.IsCancellationRequested)
            {
                Beat(first);
                await Task.Delay(200);
            }
        });

        // Waiting longer than the holder's timeout: without the beats the second run would get the lock.
        var (exit, output) = await EndAsync(Start("dash", SecondOwner, waitSeconds: ShortHolderTimeout + 2));
        await beating.CancelAsync();
        await beats;

        Assert.Equal(RunLockScript.HeldExitStatus, exit);
        Assert.Equal(FirstOwner + "\n", RunLockHolder.Parse(output).OwnerText);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_read_runs_once_the_lock_is_held_and_its_output_status_and_errors_come_back_apart_before_the_marker(string shell)
    {
        // $x set inside the read: the lock's shell, which has no x, must not expand the read's text.
        const string read = "#!/bin/sh\nx=inner\nprintf 'facts=1\\nquote=\\047%s\\047\\n' \"$x\"\necho 'a warning' >&2\nexit 3\n";
        var first = Start(shell, FirstOwner, readOnceTaken: read);

        var before = await ReadUntilTakenAsync(first);

        var result = RunLockScript.ReadOnceTaken(before);
        Assert.Equal(new ScriptResult(3, "facts=1\nquote='inner'\n", "a warning\n"), result);
        Assert.Equal(FirstOwner + "\n", await File.ReadAllTextAsync(LockPath + ".owner"));
        Assert.False(first.HasExited);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_read_without_a_final_line_break_or_errors_comes_back_exactly(string shell)
    {
        var first = Start(shell, FirstOwner, readOnceTaken: "printf 'no line break'");

        var result = RunLockScript.ReadOnceTaken(await ReadUntilTakenAsync(first));

        Assert.Equal(new ScriptResult(0, "no line break", ""), result);
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_read_never_sees_the_beats_and_the_lock_still_holds_and_lets_go_as_without_it(string shell)
    {
        var first = Start(shell, FirstOwner, holderTimeout: ShortHolderTimeout, readOnceTaken: "if read -r line; then echo \"read: $line\"; else echo 'no input'; fi\n");
        Beat(first);

        var result = RunLockScript.ReadOnceTaken(await ReadUntilTakenAsync(first));
        var (exit, output) = await EndAsync(Start(shell, SecondOwner));
        first.StandardInput.Close();
        await first.WaitForExitAsync(new CancellationTokenSource(Deadline).Token);

        Assert.Equal("no input\n", result.StandardOutput);
        Assert.Equal(RunLockScript.HeldExitStatus, exit);
        Assert.Equal(FirstOwner + "\n", RunLockHolder.Parse(output).OwnerText);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(Start(shell, SecondOwner)));
    }

    [Fact]
    public async Task A_run_refused_the_lock_never_runs_its_read()
    {
        var first = Start("dash", FirstOwner);
        Assert.Equal(RunLockScript.TakenMarker, await ReadLineAsync(first));
        var marker = Path.Combine(_folder, "read-ran");

        var (exit, output) = await EndAsync(Start("dash", SecondOwner, readOnceTaken: $"touch '{marker}'\n"));

        Assert.Equal(RunLockScript.HeldExitStatus, exit);
        Assert.DoesNotContain(RunLockScript.ReadExitPrefix, output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void A_read_holding_the_here_documents_end_line_is_never_put_into_the_script()
    {
        Assert.Throws<ArgumentException>(() => RunLockScript.For(FirstOwner, lockPath: LockPath, readOnceTaken: "echo x\nHALB_LOCKED_READ_END\nrm -rf /\n"));
    }

    [Fact]
    public void Output_without_a_read_status_line_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => RunLockScript.ReadOnceTaken("facts=1\n"));
    }

    [Fact]
    public void An_owner_line_with_a_quote_is_never_put_into_the_script()
    {
        Assert.Throws<ArgumentException>(() => RunLockScript.For("run x by o'brien on h since t", lockPath: LockPath));
    }

    private Process Start(string shell, string owner, int waitSeconds = 0, int holderTimeout = RunLockTiming.HolderTimeoutSeconds, string? readOnceTaken = null)
    {
        var process = Process.Start(new ProcessStartInfo(shell, "-s")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _processes.Add(process);
        process.StandardInput.Write(RunLockScript.For(owner, waitSeconds, LockPath, holderTimeout, readOnceTaken));
        process.StandardInput.Flush();
        return process;
    }

    private static void Beat(Process holder)
    {
        holder.StandardInput.Write((char)RunLockScript.Beat);
        holder.StandardInput.Flush();
    }

    private static async Task<string?> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync(new CancellationTokenSource(Deadline).Token);

    /// <summary>Everything the holder printed before the taken marker, line breaks included.</summary>
    private static async Task<string> ReadUntilTakenAsync(Process process)
    {
        var before = new System.Text.StringBuilder();
        while (await ReadLineAsync(process) is { } line && line != RunLockScript.TakenMarker) before.Append(line).Append('\n');
        return before.ToString();
    }

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
