using System.Diagnostics;

namespace HaLbDeploy.Architecture.Tests.Violations;

/// <summary>A deliberate violation of the core's rules: a clock of its own. Never called.</summary>
public static class TimesWithAStopwatch
{
    public static long Run() => Stopwatch.GetTimestamp();
}
