using System.Text.Json.Serialization;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// plan's and apply's answer for machines. The records below are the document's shape, declared here only: the
/// serializer writes them in the style of <see cref="JsonOutput"/>.
/// </summary>
public static partial class ConvergeJsonRenderer
{
    /// <param name="command">"plan" or "apply": apply --dry-run answers as plan.</param>
    public static void Write(TextWriter output, ConvergeReport report, string command) => JsonOutput.Write(output, RunJson.From(command, report), ConvergeShapes.Default);

    private sealed record RunJson(string Command, bool DryRun, bool Succeeded, bool ChangesPending, long ElapsedMs, RolloutJson Rollout, IReadOnlyList<string> Membership, IReadOnlyList<NodeJson> Nodes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
    {
        public static RunJson From(string command, ConvergeReport r) =>
            new(command, r.DryRun, r.Succeeded, r.HasPendingChanges, (long)r.Elapsed.TotalMilliseconds, RolloutJson.From(r.RolloutUsed), r.Membership, r.Nodes.Select(NodeJson.From).ToList(), r.Errors, r.Warnings);
    }

    private sealed record RolloutJson(string Strategy, IReadOnlyList<string> IdentityChanges)
    {
        public static RolloutJson From(RolloutDecision d) => new(d.Name, d.Reasons);
    }

    private sealed record NodeJson(string Node, NodeOutcome Outcome, bool HoldsVip, bool Retired, string? Error, IReadOnlyList<ChangeJson> Changes)
    {
        public static NodeJson From(NodeRunResult r) => new(r.Node, r.Outcome, r.HoldsVip, r.Retired, r.Error, r.Changes.Select(ChangeJson.From).ToList());
    }

    private sealed record ChangeJson(ChangeKind Kind, string Symbol, string Target, string Summary, string? Diff)
    {
        public static ChangeJson From(Change c) => new(c.Kind, c.Symbol, c.Target, c.Summary, c.Diff);
    }

    [JsonSerializable(typeof(RunJson))]
    private sealed partial class ConvergeShapes : JsonSerializerContext;
}
