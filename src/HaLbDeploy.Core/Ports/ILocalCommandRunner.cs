namespace HaLbDeploy.Core.Ports;

/// <summary>Runs a shell command line on the control host (the fault hooks).</summary>
public interface ILocalCommandRunner
{
    Task<LocalCommandResult> RunAsync(string commandLine, TimeSpan timeout, CancellationToken cancellationToken);
}
