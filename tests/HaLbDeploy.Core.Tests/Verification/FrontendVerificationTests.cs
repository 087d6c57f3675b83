using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

/// <summary>verify with several frontends: each frontend's servers matched in its own haproxy backend, and each port probed.</summary>
public sealed class FrontendVerificationTests
{
    private const string Shared = """
        backend_sets:
          - name: servers
            backends:
              - name: m1
                address: 10.0.0.21
              - name: m2
                address: 10.0.0.22
        frontends:
          - name: api
            port: 6443
            backends: servers
          - name: supervisor
            port: 9345
            backends: servers
            health_check:
              kind: tcp
        """;

    private static readonly Inventory TwoFrontends = Inventories.Load(FrontendListParserTests.Head + Shared).Inventory!;
    private static readonly VipProbeResult Answered = new(true, true, 200, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(9));
    private static readonly VipProbeResult Connected = new(true, false, null, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
    private static readonly VipProbeResult Refused = new(false, false, null, "connect: connection refused", null, TimeSpan.FromMilliseconds(1));

    private static NodeStatus Node(string node, bool holdsVip, params BackendServerStatus[] servers) => new()
    {
        Node = node,
        Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        LinkUp = true,
        HoldsVip = holdsVip,
        TrackCheckPassed = true,
        StatsClient = "perl",
        Backends = servers,
    };

    private static BackendServerStatus Server(string proxy, string name, string status) => new(proxy, name, status, status == "UP" ? "L4OK" : "L4CON", null, "");

    private static BackendServerStatus[] AllUpBut(string? proxy = null, string? server = null) =>
        [.. new[] { "api", "supervisor" }.SelectMany(p => new[] { "m1", "m2" }.Select(s => Server(p, s, p == proxy && s == server ? "DOWN" : "UP")))];

    private static VerificationReport Judge(VipProbeResult supervisorProbe, params NodeStatus[] nodes) =>
        VerificationRules.Judge(TwoFrontends, nodes, "https://10.0.0.100:6443/readyz", Answered, DateTimeOffset.UnixEpoch, null,
            frontendProbes: [new FrontendProbe("supervisor", 9345, "tcp://10.0.0.100:9345", true, supervisorProbe)]);

    [Fact]
    public void Each_frontend_lists_its_own_backends_with_the_state_of_its_own_haproxy_backend()
    {
        var report = Judge(Connected, Node("lb1", true, AllUpBut("supervisor", "m2")), Node("lb2", false, AllUpBut("supervisor", "m2")));

        Assert.Equal(["api m1 UP", "api m2 UP", "supervisor m1 UP", "supervisor m2 DOWN"],
            report.Backends.Select(b => $"{b.Frontend} {b.Name} {b.Nodes[0].Status?.Status}"));
        Assert.Equal("10.0.0.22:9345", report.Backends[3].Address);
        Assert.True(report.Healthy, string.Join("\n", report.Problems));
        Assert.Contains("backend m2 (10.0.0.22:9345) of frontend supervisor is DOWN (L4CON) on lb1, lb2", report.Warnings);
    }

    [Fact]
    public void A_frontend_with_no_server_up_on_a_node_is_a_problem_that_names_the_frontend()
    {
        BackendServerStatus[] servers = [Server("api", "m1", "UP"), Server("api", "m2", "UP"), Server("supervisor", "m1", "DOWN"), Server("supervisor", "m2", "DOWN")];

        var report = Judge(Connected, Node("lb1", true, servers), Node("lb2", false, AllUpBut()));

        Assert.False(report.Healthy);
        Assert.Equal(["lb1: no backend of frontend supervisor is UP in haproxy (m1 DOWN (L4CON), m2 DOWN (L4CON))"], report.Problems);
    }

    [Fact]
    public void A_frontend_port_that_refuses_connections_through_the_vip_is_a_problem()
    {
        var report = Judge(Refused, Node("lb1", true, AllUpBut()), Node("lb2", false, AllUpBut()));

        Assert.False(report.Healthy);
        Assert.Equal(["frontend supervisor: the VIP does not accept connections: tcp://10.0.0.100:9345: connect: connection refused"], report.Problems);
        Assert.False(Assert.Single(report.OtherFrontendProbes).Answers);
    }
}
