using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON answer of plan and apply.</summary>
public sealed record RunReport(string Command, bool DryRun, bool Succeeded, bool ChangesPending, long ElapsedMs, IReadOnlyList<NodeReport> Nodes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public static RunReport From(string command, ConvergeReport r) =>
        new(command, r.DryRun, r.Succeeded, r.HasPendingChanges, (long)r.Elapsed.TotalMilliseconds, r.Nodes.Select(NodeReport.From).ToList(), r.Errors, r.Warnings);
}
