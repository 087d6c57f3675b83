namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON answer of `validate`.</summary>
public sealed record ValidationReport(string Inventory, bool Valid, int Nodes, int Backends, IReadOnlyList<ProblemReport> Problems);
