using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON shape of inventory problems.</summary>
public sealed record ProblemReport(string Severity, string Code, string File, int Line, int Column, string Field, string Message, string Fix)
{
    public static ProblemReport From(InventoryProblem p) =>
        new(p.IsError ? "error" : "warning", p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Fix);
}
