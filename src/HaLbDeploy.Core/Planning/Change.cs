namespace HaLbDeploy.Core.Planning;

/// <summary>One pending change on one node.</summary>
/// <param name="Target">What it acts on: a package, a path, a unit, a firewall rule.</param>
/// <param name="Summary">A short human line, e.g. "haproxy.cfg changed (+3 -1)".</param>
/// <param name="Diff">A unified diff for file changes, secrets masked; null otherwise.</param>
public sealed record Change(ChangeKind Kind, string Target, string Summary, string? Diff = null)
{
    public string Symbol => ChangeSymbols.Of(Kind);

    public override string ToString() => $"{Symbol} {Summary}";
}
