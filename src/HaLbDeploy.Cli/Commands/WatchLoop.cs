namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// The rounds of a read-only command with --watch (verify, status): read, print, wait, until the rounds are done or
/// Ctrl+C. The verdict is the rounds seen: 0 when every round was healthy, else 1; a single round cut short is 130.
/// </summary>
public static class WatchLoop
{
    public static async Task<int> RunAsync<T>(int rounds, TimeSpan every, bool watching, Func<CancellationToken, Task<T>> read,
        Func<T, bool> healthy, Action<T, int?> print, CancellationToken ct)
    {
        var allHealthy = true;
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var report = await read(ct);
                allHealthy &= healthy(report);
                print(report, watching ? round : null);
                if (round < rounds) await Task.Delay(every, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C is how a watch ends: its verdict is the rounds seen. A single read cut short has none.
            return watching ? (allHealthy ? ExitCodes.Ok : ExitCodes.Failed) : ExitCodes.Interrupted;
        }
        return allHealthy ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
