namespace HaLbDeploy.Architecture.Tests.Violations;

/// <summary>A deliberate violation of the core's rules: work of its own, and a look at the environment. Never called.</summary>
public static class StartsWorkOnTheThreadPool
{
    public static Task Run() => Task.Run(() => { });

    public static string? ReadsTheEnvironment() => Environment.GetEnvironmentVariable("HOME");
}
