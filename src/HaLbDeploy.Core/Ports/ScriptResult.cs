namespace HaLbDeploy.Core.Ports;

/// <summary>What a script run on a node returned. ExitCode is -1 when the process was killed by a signal.</summary>
public sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
