namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// Sets SSH_AUTH_SOCK for the in-process halb-deploy runs of one test and puts the old value back on dispose
/// (integration tests run one at a time, see AssemblyInfo.cs).
/// </summary>
public sealed class AgentEnvironment : IDisposable
{
    private const string Variable = "SSH_AUTH_SOCK";
    private readonly string? previous = Environment.GetEnvironmentVariable(Variable);

    public AgentEnvironment(string? socketPath) => Environment.SetEnvironmentVariable(Variable, socketPath);

    public void Dispose() => Environment.SetEnvironmentVariable(Variable, previous);
}
