using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON shape of one change.</summary>
public sealed record ChangeReport(ChangeKind Kind, string Symbol, string Target, string Summary, string? Diff)
{
    public static ChangeReport From(Change c) => new(c.Kind, c.Symbol, c.Target, c.Summary, c.Diff);
}
