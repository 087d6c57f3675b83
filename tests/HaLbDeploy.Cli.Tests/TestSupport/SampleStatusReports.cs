using HaLbDeploy.Core.Status;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>status reports for the output goldens: a healthy tier after a failover drill, and a split brain with a node not read.</summary>
public static class SampleStatusReports
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 0, 40, 0, TimeSpan.Zero);

    public static TierStatusReport Healthy() => new()
    {
        At = At,
        Vip = "10.211.0.100",
        VipHolders = ["lb1"],
        HolderSince = At.AddSeconds(-95.5),
        VipMovesLastHour = 2,
        VipMovesLastDay = 2,
        Nodes =
        [
            Node("lb1", "10.211.0.11", holds: true, "MASTER", -95.5, hour: 3, masters: 1,
                [Transition(-104.25, "FAULT", 100), Transition(-100.125, "BACKUP", 100), Transition(-95.5, "MASTER", 100)]),
            Node("lb2", "10.211.0.12", holds: false, "BACKUP", -95.625, hour: 2, masters: 1, [Transition(-103.375, "MASTER", 90), Transition(-95.625, "BACKUP", 90)]),
        ],
        Problems = [],
    };

    public static TierStatusReport SplitBrain() => new()
    {
        At = At,
        Vip = "10.211.0.100",
        VipHolders = ["lb1", "lb2"],
        VipMovesLastHour = 7,
        VipMovesLastDay = 7,
        Nodes =
        [
            Node("lb1", "10.211.0.11", holds: true, "MASTER", -10, hour: 9, masters: 4, [Transition(-10, "MASTER", 100)]) with { Flapping = true },
            Node("lb2", "10.211.0.12", holds: true, "MASTER", -12, hour: 5, masters: 3, [Transition(-12, "MASTER", 90)]) with { Flapping = true, LogFound = true },
            new NodeTierStatus { Node = "lb3", Address = "10.211.0.13", Reachable = false, Error = "connection refused" },
        ],
        Problems = ["2 nodes hold the VIP (split brain): lb1, lb2", "lb1: flapping: took the VIP 4 times in the last hour", "lb2: flapping: took the VIP 3 times in the last hour", "lb3: not read: connection refused"],
    };

    private static VrrpTransition Transition(double seconds, string state, int priority) => new(At.AddSeconds(seconds), "INSTANCE", "VI_lab", state, priority);

    private static NodeTierStatus Node(string name, string address, bool holds, string state, double since, int hour, int masters, IReadOnlyList<VrrpTransition> recent) => new()
    {
        Node = name,
        Address = address,
        Reachable = true,
        HoldsVip = holds,
        VrrpState = state,
        StateSince = At.AddSeconds(since),
        Keepalived = new ServiceStatus("keepalived", "enabled", "active"),
        Haproxy = new ServiceStatus("haproxy", "enabled", "active"),
        TransitionsLastHour = hour,
        TransitionsLastDay = hour,
        MasterEntriesLastHour = masters,
        Recent = recent,
        LogFound = true,
        Clock = At.AddMilliseconds(12),
        Servers =
        [
            new ServerAt("kube-apiserver", "api1", "10.211.0.31:6443", "UP", true, "UP", At.AddSeconds(-600), 2),
            new ServerAt("kube-apiserver", "api2", "10.211.0.32:6443", "DOWN", false, "DOWN (L7STS 500)", At.AddSeconds(-30), 0),
        ],
        Frontends = [("kube-apiserver", holds ? 2L : 0L)],
    };
}
