using System.Diagnostics;

namespace HaLbDeploy.Architecture.Tests.Violations;

/// <summary>A deliberate violation of the core's rules: a process. Never called.</summary>
public static class StartsAProcess
{
    public static Process? Run() => Process.Start("true");
}
