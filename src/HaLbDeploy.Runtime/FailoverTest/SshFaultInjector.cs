using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>Stops keepalived or kills haproxy on the node over its own SSH session (modes stop and kill-haproxy).</summary>
public sealed class SshFaultInjector(FailoverMode mode, Func<CancellationToken, Task<IHostWriter>> session, TimeProvider time) : IFaultInjector
{
    public bool CutsTheNodeOff => false;

    public async Task<FaultActionRecord?> PrepareAsync(CancellationToken cancellationToken) =>
        FaultScripts.Prepare(mode) is { } script ? await RunAsync($"prepare {FailoverModeNames.Name(mode)}: hold off systemd's restart of haproxy", script, cancellationToken) : null;

    public Task<FaultActionRecord> InjectAsync(CancellationToken cancellationToken) =>
        RunAsync(FaultScripts.Describe(mode), FaultScripts.Fault(mode), cancellationToken);

    public Task<FaultActionRecord> RestoreAsync(CancellationToken cancellationToken) =>
        RunAsync(FaultScripts.DescribeRestore(mode), FaultScripts.Restore(mode), cancellationToken);

    private async Task<FaultActionRecord> RunAsync(string description, string script, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        try
        {
            var writer = await session(cancellationToken);
            var result = await writer.ChangeAsync(description, script, cancellationToken);
            var detail = (result.StandardError + result.StandardOutput).Trim();
            return new FaultActionRecord(description, started, time.GetUtcNow(), result.Succeeded,
                result.Succeeded ? detail : $"exit {result.ExitCode}: {detail}");
        }
        // Whatever went wrong (a dropped connection, SSH.NET's own exceptions, a process that could not start), the
        // action failed and the record says so: a fault that throws would skip the restore that must follow it.
        catch (Exception e)
        {
            return new FaultActionRecord(description, started, time.GetUtcNow(), false, e.Message);
        }
    }
}
