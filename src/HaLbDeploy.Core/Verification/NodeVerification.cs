namespace HaLbDeploy.Core.Verification;

/// <summary>One node in a verification report: what was read and the VRRP state inferred from it.</summary>
public sealed record NodeVerification(string Node, string Address, int Priority, NodeStatus Status, DerivedVrrpState VrrpState)
{
    public int BackendsUp => Status.Backends.Count(b => b.IsUp);
}
