using System.Globalization;

namespace HaLbDeploy.Core.Drain;

/// <summary>Judges the nodes' last answers into a <see cref="DrainReport"/>; pure, so every outcome is tested without a node.</summary>
public static class DrainVerdict
{
    /// <summary>For drain: whether every node has taken it and no session is left (the wait can stop).</summary>
    public static bool Finished(IReadOnlyList<ServerOnNode> nodes) => nodes.All(n => !n.Failed && (n.Sessions ?? 0) == 0);

    public static DrainReport Judge(ServerAdminState state, string backend, IReadOnlyList<ServerOnNode> nodes, TimeSpan waited, TimeSpan timeout, bool interrupted)
    {
        var word = state == ServerAdminState.Drain ? "drained" : "back in rotation (undrained)";
        var failed = nodes.Where(n => n.FailedItself).ToList();
        var left = nodes.Where(n => (n.Sessions ?? 0) > 0).ToList();
        var (outcome, summary) = (interrupted, failed.Count, state, left.Count) switch
        {
            (true, _, _, _) => (DrainOutcome.Interrupted, $"INTERRUPTED: {backend} keeps the state each node took ({Taken(nodes)})"),
            (_, > 0, _, _) => (DrainOutcome.Failed,
                $"FAILED on {string.Join(", ", failed.Select(n => n.Node))}: {failed[0].Error}" +
                (nodes.Any(n => n.Error == ServerOnNode.NotChanged) ? "; nothing was changed" :
                 failed.Count < nodes.Count ? $"; {string.Join(", ", nodes.Where(n => !n.Failed).Select(n => n.Node))} took it (run again, or the opposite command)" : "")),
            (_, _, ServerAdminState.Drain, > 0) => (DrainOutcome.SessionsRemain,
                $"TIMED OUT: {backend} is drained on {Plural(nodes.Count, "node")}, but {Plural(left.Sum(n => n.Sessions!.Value), "session")} " +
                $"still open after {Seconds(waited)} ({string.Join(", ", left.Select(n => $"{n.Node} {n.Sessions}"))}); they end when their clients close them"),
            (_, _, ServerAdminState.Drain, _) => (DrainOutcome.Done, $"OK: {backend} is {word} on {Plural(nodes.Count, "node")}, no session left (waited {Seconds(waited)})"),
            _ => (DrainOutcome.Done, $"OK: {backend} is {word} on {Plural(nodes.Count, "node")}"),
        };
        return new DrainReport(state, backend, outcome, summary, nodes, waited, timeout);
    }

    private static string Taken(IReadOnlyList<ServerOnNode> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Node} {(n.Server is { } s ? s.Status : "unknown")}"));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Plural(long count, string word) => $"{count} {word}{(count == 1 ? "" : "s")}";
}
