namespace HaLbDeploy.Core.Facts;

/// <summary>A fact that could not be read, and why; its value in <see cref="NodeFacts"/> is "unknown".</summary>
/// <param name="Fact">The section name, e.g. "addresses" or "file /etc/haproxy/haproxy.cfg".</param>
/// <param name="Reason">For people, e.g. "ip is not installed on the node".</param>
public sealed record FactGap(string Fact, string Reason)
{
    public override string ToString() => $"{Fact}: {Reason}";
}
