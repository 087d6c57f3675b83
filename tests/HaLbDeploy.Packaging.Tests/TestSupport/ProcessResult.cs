namespace HaLbDeploy.Packaging.Tests.TestSupport;

/// <summary>What one external command printed and returned.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error)
{
    public override string ToString() => $"`{CommandLine}` exited {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
