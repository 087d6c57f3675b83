using System.Net;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>Verify rounds built by hand: a healthy tier with a down backend, and a broken one with an unreachable node.</summary>
public static class SampleVerificationReports
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 11, 59, 58, 125, TimeSpan.Zero);

    private const string Target = "192.168.88.201:6443 GET /readyz";

    public static VerificationReport Healthy() => new(
        At,
        Healthy: true,
        "HEALTHY: lb1 holds the VIP, 3 of 3 nodes up, the VIP answers",
        Problems: [],
        Warnings: ["master2 is DOWN (L7STS 500) on lb1, lb2", "lb3: backends unknown: no socat, python3 or perl on the node"],
        "192.168.88.201/24",
        VipHolders: ["lb1"],
        [
            Node("lb1", "192.168.88.91", 100, DerivedVrrpState.Master, "a6:55:47:52:28:39", holdsVip: true),
            Node("lb2", "192.168.88.92", 90, DerivedVrrpState.Backup, "a6:55:47:52:28:40", holdsVip: false),
            new NodeVerification("lb3", "192.168.88.93", 80, new NodeStatus
            {
                Node = "lb3",
                Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
                Haproxy = new ServiceStatus("haproxy", "enabled", "reloading"),
                LinkUp = null,
                TrackCheckPassed = null,
                StatsError = "no socat, python3 or perl on the node",
            }, DerivedVrrpState.Backup),
        ],
        [
            new BackendVerification("master1", "192.168.88.97:6443", [new("lb1", Up("master1", "192.168.88.97:6443")), new("lb2", Up("master1", "192.168.88.97:6443")), new("lb3", null)]),
            new BackendVerification("master2", "192.168.88.98:6443", [new("lb1", Down("master2", "192.168.88.98:6443")), new("lb2", Down("master2", "192.168.88.98:6443")), new("lb3", null)]),
            new BackendVerification("master3", "192.168.88.99:6443", [new("lb1", Up("master3", "192.168.88.99:6443") with { Status = "UP 1/2" }), new("lb2", Up("master3", "192.168.88.99:6443") with { Status = "no check", CheckStatus = "" }), new("lb3", null)]),
        ],
        Target,
        new VipProbeResult(true, true, 200, null, TimeSpan.FromMilliseconds(1.26), TimeSpan.FromMilliseconds(14.04)),
        new NeighbourEntry(IPAddress.Parse("192.168.88.201"), "a6:55:47:52:28:39", "eth0"));

    /// <summary>A healthy RKE2-shaped round: two frontends (6443 and 9345) over the same three servers, one DOWN on the supervisor port only.</summary>
    public static VerificationReport TwoFrontends()
    {
        var healthy = Healthy();
        BackendServerStatus Supervisor(string server, string address, bool up) => (up ? Up(server, address) : Down(server, address)) with { Proxy = "rke2-supervisor", CheckStatus = up ? "L4OK" : "L4CON", CheckCode = null };
        IReadOnlyList<BackendOnNode> On(Func<string, BackendServerStatus> status) => [new("lb1", status("lb1")), new("lb2", status("lb2")), new("lb3", null)];
        return healthy with
        {
            Warnings = ["backend master2 (192.168.88.98:9345) of frontend rke2-supervisor is DOWN (L4CON) on lb1, lb2"],
            Backends =
            [
                new BackendVerification("master1", "192.168.88.97:6443", On(_ => Up("master1", "192.168.88.97:6443")), "kube-apiserver"),
                new BackendVerification("master2", "192.168.88.98:6443", On(_ => Up("master2", "192.168.88.98:6443")), "kube-apiserver"),
                new BackendVerification("master1", "192.168.88.97:9345", On(_ => Supervisor("master1", "192.168.88.97:9345", true)), "rke2-supervisor"),
                new BackendVerification("master2", "192.168.88.98:9345", On(_ => Supervisor("master2", "192.168.88.98:9345", false)), "rke2-supervisor"),
            ],
            FrontendProbes = [new FrontendProbe("rke2-supervisor", 9345, "tcp://192.168.88.201:9345", true, new VipProbeResult(true, false, null, null, TimeSpan.FromMilliseconds(0.84), TimeSpan.FromMilliseconds(0.84)))],
        };
    }

    public static VerificationReport Unhealthy() => new(
        At.AddSeconds(2),
        Healthy: false,
        "UNHEALTHY: nobody holds the VIP; 1 node unreachable",
        Problems: ["nobody holds the VIP 192.168.88.201/24", "lb1: unreachable: connect: 192.168.88.91:22: connection refused", "lb2: keepalived is failed"],
        Warnings: [],
        "192.168.88.201/24",
        VipHolders: [],
        [
            new NodeVerification("lb1", "192.168.88.91", 100, NodeStatus.Unreachable("lb1", "connect: 192.168.88.91:22: connection refused"), DerivedVrrpState.Unknown),
            new NodeVerification("lb2", "192.168.88.92", 90, new NodeStatus
            {
                Node = "lb2",
                Keepalived = new ServiceStatus("keepalived", "enabled", "failed"),
                Haproxy = new ServiceStatus("haproxy", "disabled", "active"),
                LinkUp = false,
                LinkLayerAddress = "a6:55:47:52:28:40",
                TrackCheckPassed = false,
                Backends = [Down("master1", "192.168.88.97:6443") with { CheckStatus = "L4CON", CheckCode = null }],
                StatsClient = "python3",
            }, DerivedVrrpState.Stopped),
        ],
        Backends: [],
        Target,
        new VipProbeResult(false, false, null, "connect: timed out after 3000 ms", null, TimeSpan.FromMilliseconds(3000.46)),
        new NeighbourEntry(IPAddress.Parse("192.168.88.201"), "02:42:c0:a8:58:01", "br-lab"));

    /// <summary>A round in which the VIP was not probed (and this machine has no ARP entry for it).</summary>
    public static VerificationReport NotProbed() => Healthy() with { At = At.AddSeconds(4), VipProbe = null, VipNeighbour = null };

    private static NodeVerification Node(string name, string address, int priority, DerivedVrrpState state, string mac, bool holdsVip) =>
        new(name, address, priority, new NodeStatus
        {
            Node = name,
            Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
            Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
            LinkUp = true,
            LinkLayerAddress = mac,
            HoldsVip = holdsVip,
            TrackCheckPassed = true,
            Backends =
            [
                Up("master1", "192.168.88.97:6443"),
                Down("master2", "192.168.88.98:6443"),
                Up("master3", "192.168.88.99:6443"),
            ],
            StatsClient = "socat",
        }, state);

    private static BackendServerStatus Up(string server, string address) => new("kube-apiserver", server, "UP", "L7OK", 200, address);

    private static BackendServerStatus Down(string server, string address) => new("kube-apiserver", server, "DOWN", "L7STS", 500, address);
}
