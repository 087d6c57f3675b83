using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;
using Polly;
using Serilog;

namespace HaLbDeploy.Ssh;

/// <summary>
/// One node's SSH connection, kept open for the whole run. Scripts go to `sh -s` (through sudo when the settings
/// say so) on standard input; only their descriptions are logged. Read-only scripts are run again after a dropped
/// connection (reconnecting first); changes never are.
/// </summary>
public sealed class SshHostSession : IHostSession
{
    private readonly IRemoteShellDialer dialer;
    private readonly RemoteShellCommand command;
    private readonly SshSettings settings;
    private readonly Secret? becomePassword;
    private readonly SshConnectorOptions options;
    private readonly ResiliencePipeline readRetry;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly HoldBeat LockBeat = new(RunLockScript.Beat, RunLockTiming.BeatInterval);
    private readonly SshRunLock runLock;
    private readonly SemaphoreSlim reconnectGate = new(1, 1);
    private volatile IRemoteShell shell;
    private volatile bool shellBroken;
    private bool disposed;

    internal SshHostSession(string nodeName, SshSettings settings, IRemoteShellDialer dialer, IRemoteShell shell,
        RemoteShellCommand command, Secret? becomePassword, SshConnectorOptions options)
    {
        NodeName = nodeName;
        this.settings = settings;
        this.dialer = dialer;
        this.shell = shell;
        this.command = command;
        this.becomePassword = becomePassword;
        this.options = options;
        runLock = new SshRunLock(nodeName, Logger, HoldRunLockAsync);
        readRetry = SshRetryPipelines.ForRead(options.ReadRetry, options.TimeProvider, attempt =>
            Logger.Warning("{Node:l}: connection lost ({Reason:l}); reconnecting and reading again in {DelayMs} ms (attempt {Attempt})",
                NodeName, attempt.Fault.Message, (int)attempt.Delay.TotalMilliseconds, attempt.FailedAttempt + 1));
    }

    public string NodeName { get; }

    /// <summary>How scripts are started on this node, e.g. "sudo -k -n -- sh -s" (see <see cref="RemoteShellCommand.CommandLine"/>).</summary>
    public string CommandLine => command.CommandLine;

    private ILogger Logger => options.Logger ?? Log.Logger;

    public async Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await readRetry.ExecuteAsync(async ct =>
            {
                attempts++;
                return await RunAsync(description, script, ct);
            }, cancellationToken);
        }
        catch (Exception e) when (SshFaultClassifier.IsTransientSessionFault(e))
        {
            throw new HostConnectionException(NodeName, $"lost the connection while running '{description}' (tried {attempts} times): {e.Message}", e);
        }
    }

    public async Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(description, script, cancellationToken);
        }
        catch (Exception e) when (SshFaultClassifier.IsTransientSessionFault(e))
        {
            throw new HostConnectionException(NodeName,
                $"lost the connection while running '{description}'; the change may be partly applied, check the node: {e.Message}", e);
        }
    }

    public async Task<RunLockAttempt> TryTakeRunLockAsync(RunLockOwner owner, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = await ConnectedShellAsync(cancellationToken);
        return await runLock.TakeAsync(current, owner, read: null, cancellationToken);
    }

    public async Task<RunLockAttempt> TryTakeRunLockAndReadAsync(RunLockOwner owner, string readDescription, string readScript, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = await ConnectedShellAsync(cancellationToken);
        return await runLock.TakeAsync(current, owner, new SshRunLock.LockedRead(readDescription, readScript), cancellationToken);
    }

    /// <summary>
    /// Runs the lock script on a held, beaten channel: the lock (<see cref="SshRunLock.HoldOn"/>) and what the read run
    /// once it was held returned, or who holds it.
    /// </summary>
    private async Task<SshRunLock.LockHold> HoldRunLockAsync(IRemoteShell current, RunLockOwner owner, int waitSeconds, SshRunLock.LockedRead? read, CancellationToken cancellationToken)
    {
        var script = RunLockScript.For(owner.Line, waitSeconds, readOnceTaken: read?.Script);
        var invocation = command.Prepare(script, becomePassword, RemoteShellCommand.NewRunId());
        var limit = options.CommandTimeout + TimeSpan.FromSeconds(waitSeconds);
        using var timeout = new CancellationTokenSource(limit, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        RemoteHold hold;
        var started = options.TimeProvider.GetTimestamp();
        try
        {
            hold = await current.HoldAsync(invocation.CommandLine, invocation.StandardInput, RunLockScript.TakenMarker, LockBeat, linked.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{NodeName}: taking the run lock did not finish within {new Duration((long)limit.TotalMilliseconds)}", e);
        }
        catch (Exception e) when (SshFaultClassifier.IsTransientSessionFault(e))
        {
            MarkBroken(current);
            throw new HostConnectionException(NodeName, $"lost the connection while taking the run lock: {e.Message}", e);
        }
        finally
        {
            invocation.Clear();
        }
        if (hold.Held is not { } held) return new SshRunLock.LockHold(null, LockRefusal(hold.Ended!));
        if (read is null) return new SshRunLock.LockHold(held, null);
        ScriptResult raw;
        try
        {
            raw = RunLockScript.ReadOnceTaken(hold.OutputBeforeReady);
        }
        catch (FormatException e)
        {
            await held.DisposeAsync();
            throw new HostConnectionException(NodeName, $"took the run lock but could not read what '{read.Description}' returned: {e.Message}", e);
        }
        var result = new ScriptResult(raw.ExitCode, Redact(raw.StandardOutput), Redact(raw.StandardError));
        Logger.Debug("{Node:l}: run '{Description:l}' exit {ExitCode} in {ElapsedMs} ms (with the run lock, one command)", NodeName, read.Description,
            result.ExitCode, (long)options.TimeProvider.GetElapsedTime(started).TotalMilliseconds);
        return new SshRunLock.LockHold(held, null, result);
    }

    /// <summary>The lock script ended instead of holding the lock: another run holds it, or the script failed.</summary>
    private RunLockHolder LockRefusal(RemoteCommandResult raw)
    {
        var result = new ScriptResult(raw.ExitStatus ?? -1, Redact(raw.StandardOutput), Redact(raw.StandardError));
        Logger.Debug("{Node:l}: run lock script exit {ExitCode}", NodeName, result.ExitCode);
        if (command.UsesSudo && SudoFailureDetector.Detect(result.ExitCode, result.StandardError) is { } refusal)
            throw new HostConnectionException(NodeName, $"'take the run lock': {SudoFailureDetector.Explain(refusal, settings)}");
        if (result.ExitCode == RunLockScript.HeldExitStatus) return RunLockHolder.Parse(result.StandardOutput);
        throw new HostConnectionException(NodeName, $"could not take the run lock (exit {result.ExitCode}): {result.StandardError.Trim()}");
    }

    private async Task<ScriptResult> RunAsync(string description, string script, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = await ConnectedShellAsync(cancellationToken);
        await runLock.KeepAsync(current, cancellationToken);
        var runId = RemoteShellCommand.NewRunId();
        var invocation = command.Prepare(script, becomePassword, runId);
        using var timeout = new CancellationTokenSource(options.CommandTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = options.TimeProvider.GetTimestamp();
        RemoteCommandResult raw;
        try
        {
            raw = await current.ExecuteAsync(invocation.CommandLine, invocation.StandardInput, linked.Token);
        }
        catch (OperationCanceledException e) when (linked.IsCancellationRequested)
        {
            var timedOut = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            await StopRunAsync(current, runId, description);
            if (timedOut) throw new TimeoutException($"{NodeName}: '{description}' did not finish within {new Duration((long)options.CommandTimeout.TotalMilliseconds)}; it was stopped", e);
            throw;
        }
        catch (Exception e) when (SshFaultClassifier.IsTransientSessionFault(e))
        {
            MarkBroken(current);
            throw;
        }
        finally
        {
            invocation.Clear();
        }

        var elapsed = options.TimeProvider.GetElapsedTime(started);
        var result = new ScriptResult(raw.ExitStatus ?? -1, Redact(raw.StandardOutput), Redact(raw.StandardError));
        Logger.Debug("{Node:l}: run '{Description:l}' exit {ExitCode:l} in {ElapsedMs} ms", NodeName, description,
            raw.ExitStatus?.ToString() ?? "signal " + raw.ExitSignal, (long)elapsed.TotalMilliseconds);
        if (command.UsesSudo && SudoFailureDetector.Detect(result.ExitCode, result.StandardError) is { } refusal)
            throw new HostConnectionException(NodeName, $"'{description}': {SudoFailureDetector.Explain(refusal, settings)}");
        return result;
    }

    /// <summary>Stops what is left of a cancelled run on the node. Best effort: a failure is logged, not thrown.</summary>
    private async Task StopRunAsync(IRemoteShell current, string runId, string description)
    {
        // Untagged, so that it does not stop itself.
        var invocation = command.Prepare(RemoteShellCommand.StopScript(runId), becomePassword, runId: null);
        try
        {
            using var limit = new CancellationTokenSource(StopTimeout, options.TimeProvider);
            var stop = await current.ExecuteAsync(invocation.CommandLine, invocation.StandardInput, limit.Token);
            Logger.Debug("{Node:l}: cancelled '{Description:l}': {StopResult:l}", NodeName, description, stop.StandardOutput.Trim());
        }
        catch (Exception e)
        {
            Logger.Warning("{Node:l}: cancelled '{Description:l}' but could not stop its processes on the node: {Reason:l}", NodeName, description, e.Message);
        }
        finally
        {
            invocation.Clear();
        }
    }

    private async Task<IRemoteShell> ConnectedShellAsync(CancellationToken cancellationToken)
    {
        var current = shell;
        if (!shellBroken && current.IsConnected) return current;
        await reconnectGate.WaitAsync(cancellationToken);
        try
        {
            if (!shellBroken && shell.IsConnected) return shell;
            Logger.Debug("{Node:l}: reconnecting", NodeName);
            shell.Dispose();
            shell = await dialer.DialAsync(cancellationToken);
            shellBroken = false;
            return shell;
        }
        finally
        {
            reconnectGate.Release();
        }
    }

    private void MarkBroken(IRemoteShell failed)
    {
        if (ReferenceEquals(failed, shell)) shellBroken = true;
    }

    /// <summary>Belt and braces: a sudo password must never come back in output that may be printed or logged.</summary>
    private string Redact(string text) =>
        becomePassword is { Length: >= 4 } secret && text.Contains(secret.Reveal(), StringComparison.Ordinal)
            ? text.Replace(secret.Reveal(), Secret.Mask, StringComparison.Ordinal)
            : text;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await runLock.DisposeAsync();
        shell.Dispose();
        reconnectGate.Dispose();
    }
}
