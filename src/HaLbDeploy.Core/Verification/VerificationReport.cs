namespace HaLbDeploy.Core.Verification;

/// <summary>
/// The verdict of one verify round. <see cref="Healthy"/> only when exactly one node holds the VIP, every node's
/// keepalived and haproxy are enabled and active, each node's haproxy has at least one backend UP, and the VIP
/// answers. <see cref="Problems"/> make it unhealthy; <see cref="Warnings"/> (a backend down while others are up,
/// backends that could not be read) do not. <see cref="VipNeighbour"/> is this machine's ARP entry for the VIP, when
/// it has one. With several frontends, <see cref="FrontendProbes"/> holds the probes of the frontends after the first.
/// </summary>
public sealed record VerificationReport(
    DateTimeOffset At,
    bool Healthy,
    string Summary,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings,
    string Vip,
    IReadOnlyList<string> VipHolders,
    IReadOnlyList<NodeVerification> Nodes,
    IReadOnlyList<BackendVerification> Backends,
    string VipTarget,
    VipProbeResult? VipProbe,
    NeighbourEntry? VipNeighbour = null,
    IReadOnlyList<FrontendProbe>? FrontendProbes = null)
{
    /// <summary>Every frontend's port probed through the VIP beyond the main probe (<see cref="VipProbe"/>, the first frontend's); empty for one frontend.</summary>
    public IReadOnlyList<FrontendProbe> OtherFrontendProbes => FrontendProbes ?? [];
    /// <summary>Every VIP address of a `vips:` list (the first too), with holders and probe; empty for the `vip:` shorthand.</summary>
    public IReadOnlyList<VipVerification> Vips { get; init; } = [];

    /// <summary>The node whose VRRP interface has the hardware address this machine's ARP entry for the VIP names; null when none does.</summary>
    public string? VipNeighbourNode => NodeNamed(Nodes, VipNeighbour);

    /// <summary>The node whose VRRP interface has the hardware address <paramref name="entry"/> names; null when none does (or no entry).</summary>
    internal static string? NodeNamed(IEnumerable<NodeVerification> nodes, NeighbourEntry? entry) =>
        entry is null ? null : nodes.FirstOrDefault(n => n.Status.LinkLayerAddress == entry.LinkLayerAddress)?.Node;
}
