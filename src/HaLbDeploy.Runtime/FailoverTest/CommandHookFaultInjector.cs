using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>Runs the --fault-command and --restore-command hooks on the control host for one node.</summary>
public sealed class CommandHookFaultInjector(FaultHooks hooks, LbNode node, ILocalCommandRunner runner, TimeProvider time) : IFaultInjector
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public bool CutsTheNodeOff => true;

    public Task<FaultActionRecord?> PrepareAsync(CancellationToken cancellationToken) => Task.FromResult<FaultActionRecord?>(null);

    public Task<FaultActionRecord> InjectAsync(CancellationToken cancellationToken) =>
        RunAsync(CommandHookTemplate.Expand(hooks.FaultCommand, node), cancellationToken);

    public Task<FaultActionRecord> RestoreAsync(CancellationToken cancellationToken) =>
        RunAsync(CommandHookTemplate.Expand(hooks.RestoreCommand, node), cancellationToken);

    private async Task<FaultActionRecord> RunAsync(string command, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        try
        {
            var result = await runner.RunAsync(command, Timeout, cancellationToken);
            return new FaultActionRecord(command, started, time.GetUtcNow(), result.Succeeded,
                result.Succeeded ? result.Output : $"exit {result.ExitCode}: {result.Output}");
        }
        // Whatever went wrong (a dropped connection, SSH.NET's own exceptions, a process that could not start), the
        // action failed and the record says so: a fault that throws would skip the restore that must follow it.
        catch (Exception e)
        {
            return new FaultActionRecord(command, started, time.GetUtcNow(), false, e.Message);
        }
    }
}
