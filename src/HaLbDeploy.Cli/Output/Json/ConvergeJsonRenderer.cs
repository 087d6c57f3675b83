using System.Text.Json.Serialization;
using HaLbDeploy.Core.Packages;
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
        /// <summary>`apply --upgrade` only, when the VIP holder was upgraded.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public PlannedFailoverJson? PlannedFailover { get; init; }

        public static RunJson From(string command, ConvergeReport r) =>
            new(command, r.DryRun, r.Succeeded, r.HasPendingChanges || r.HasPendingUpgrades, (long)r.Elapsed.TotalMilliseconds, RolloutJson.From(r.RolloutUsed), r.Membership, r.Nodes.Select(NodeJson.From).ToList(), r.Errors, r.Warnings)
            {
                PlannedFailover = r.PlannedFailover is { } f ? PlannedFailoverJson.From(f) : null,
            };
    }

    private sealed record PlannedFailoverJson(string Holder, string? TakenOverBy, long UnreachableMs, DateTimeOffset Start, DateTimeOffset End, int Probes, int FailedProbes)
    {
        public static PlannedFailoverJson From(PlannedFailover f) => new(f.Holder, f.TakenOverBy, f.UnreachableMilliseconds, f.Start, f.End, f.Probes, f.FailedProbes);
    }

    private sealed record HoldJson(string Package, string Version);

    private sealed record UpgradeJson(string Package, string FromVersion, string ToVersion)
    {
        public static UpgradeJson Of(PackageUpgrade u) => new(u.Package, u.From, u.To);
    }

    private sealed record RolloutJson(string Strategy, IReadOnlyList<string> IdentityChanges)
    {
        public static RolloutJson From(RolloutDecision d) => new(d.Name, d.Reasons);
    }

    private sealed record NodeJson(string Node, NodeOutcome Outcome, bool HoldsVip, bool Retired, string? Error, IReadOnlyList<ChangeJson> Changes)
    {
        /// <summary>With --upgrade only: the packages that move (plan) or moved (apply).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<UpgradeJson>? Upgrades { get; init; }

        /// <summary>With `packages.pin` only: the packages held (apply) or to hold (plan), and at which version.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<HoldJson>? Holds { get; init; }

        /// <summary>Only when a pin went: the packages whose hold of ours is released (apply) or to release (plan).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? ReleasedHolds { get; init; }

        public static NodeJson From(NodeRunResult r) => new(r.Node, r.Outcome, r.HoldsVip, r.Retired, r.Error, r.Changes.Select(ChangeJson.From).ToList())
        {
            Upgrades = r.Upgrades?.Select(UpgradeJson.Of).ToList(),
            Holds = r.Holds.Count == 0 ? null : r.Holds.Select(h => new HoldJson(h.Package, h.Version)).ToList(),
            ReleasedHolds = r.Releases.Count == 0 ? null : r.Releases.Select(h => h.Package).ToList(),
        };
    }

    private sealed record ChangeJson(ChangeKind Kind, string Symbol, string Target, string Summary, string? Diff)
    {
        public static ChangeJson From(Change c) => new(c.Kind, c.Symbol, c.Target, c.Summary, c.Diff);
    }

    [JsonSerializable(typeof(RunJson))]
    private sealed partial class ConvergeShapes : JsonSerializerContext;
}
