using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>plan's and apply's answer for people: each node with its changes (plan adds their diffs), then the totals.</summary>
public static class ConvergeTextRenderer
{
    public static void Write(TextWriter output, ConvergeReport report, bool showDiffs)
    {
        foreach (var node in report.Nodes)
        {
            var vip = (node.Retired ? " (retired)" : "") + (node.HoldsVip ? " (VIP holder)" : "");
            output.WriteLine($"{node.Node}{vip}: {Describe(node)}");
            foreach (var change in node.Changes)
            {
                output.WriteLine($"  {change}");
                if (showDiffs && change.Diff is { } diff)
                    foreach (var line in diff.TrimEnd('\n').Split('\n')) output.WriteLine($"      {line}");
            }
            foreach (var upgrade in node.Upgrades ?? []) output.WriteLine($"  ^ {upgrade}");
            foreach (var hold in node.Holds) output.WriteLine($"  ^ {hold}");
            foreach (var release in node.Releases) output.WriteLine($"  ^ {release}");
            if (node.Error is { } error) output.WriteLine($"  error: {error}");
        }
        var counts = report.Nodes.GroupBy(n => n.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        var verb = report.DryRun ? "Plan" : "Apply";
        foreach (var line in report.Membership) output.WriteLine($"Membership: {line}.");
        if (report.ChangeCount > 0) output.WriteLine($"Rollout: {report.RolloutUsed.Describe()}.");
        if (report.PlannedFailover is { } failover) output.WriteLine($"Upgrade: {failover}.");
        output.WriteLine($"{verb}: {report.ChangeCount} change(s); nodes: {string.Join(", ", counts)}; {report.Elapsed.TotalSeconds:0.00} s.");
        foreach (var error in report.Errors) output.WriteLine($"error: {error}");
    }

    private static string Describe(NodeRunResult node) => node.Outcome switch
    {
        NodeOutcome.Unchanged => "no change",
        NodeOutcome.Pending => $"{node.Changes.Count} change(s) pending",
        NodeOutcome.Changed => $"changed ({node.Changes.Count})",
        NodeOutcome.Failed => "FAILED",
        _ => "untouched",
    };
}
