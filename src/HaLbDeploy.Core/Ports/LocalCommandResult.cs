namespace HaLbDeploy.Core.Ports;

/// <summary>How a command run on the control host ended; ExitCode -1 when it timed out and was killed.</summary>
public sealed record LocalCommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
