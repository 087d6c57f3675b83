using System.Diagnostics;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs `verify` against the lab until a condition holds, with a deadline.</summary>
public static class LabVerify
{
    /// <summary>verify until <paramref name="condition"/> holds, at most <paramref name="timeout"/>; returns the last run.</summary>
    public static async Task<CliRun> UntilAsync(string inventory, Func<CliRun, bool> condition, TimeSpan timeout, TimeSpan poll)
    {
        var clock = Stopwatch.StartNew();
        CliRun run;
        do
        {
            run = await LabCli.RunAsync("verify", "-i", inventory);
            if (condition(run)) return run;
            await Task.Delay(poll);
        }
        while (clock.Elapsed < timeout);
        return run;
    }
}
