namespace HaLbDeploy.Core.Tests.TestSupport;

public sealed record ExternalCommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Printed => (StandardOutput + StandardError).Trim();
}
