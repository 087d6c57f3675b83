namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>What one in-process run of halb-deploy printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
