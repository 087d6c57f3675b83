using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON shape of one node's result in plan and apply.</summary>
public sealed record NodeReport(string Node, NodeOutcome Outcome, bool HoldsVip, string? Error, IReadOnlyList<ChangeReport> Changes)
{
    public static NodeReport From(NodeRunResult r) => new(r.Node, r.Outcome, r.HoldsVip, r.Error, r.Changes.Select(ChangeReport.From).ToList());
}
