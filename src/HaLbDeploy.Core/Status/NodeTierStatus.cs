using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Status;

/// <summary>One node in `status`: its VRRP state and history, its services, and its haproxy's servers.</summary>
public sealed record NodeTierStatus
{
    public required string Node { get; init; }

    public required string Address { get; init; }

    public bool Reachable { get; init; }

    public string? Error { get; init; }

    public bool HoldsVip { get; init; }

    /// <summary>The state keepalived last reported for the inventory's instance (MASTER, BACKUP, FAULT, STOP), or "UNKNOWN" without a log entry.</summary>
    public string VrrpState { get; init; } = "UNKNOWN";

    /// <summary>When the node entered <see cref="VrrpState"/>; null when there is no log entry.</summary>
    public DateTimeOffset? StateSince { get; init; }

    public ServiceStatus Keepalived { get; init; } = ServiceStatus.Unknown("keepalived");

    public ServiceStatus Haproxy { get; init; } = ServiceStatus.Unknown("haproxy");

    public int TransitionsLastHour { get; init; }

    public int TransitionsLastDay { get; init; }

    /// <summary>How often the node took the VIP in the last hour.</summary>
    public int MasterEntriesLastHour { get; init; }

    /// <summary><see cref="MasterEntriesLastHour"/> reached <see cref="StatusAnalyzer.FlappingMasterEntries"/>.</summary>
    public bool Flapping { get; init; }

    /// <summary>The node's transitions of the last day, oldest first, at most <see cref="StatusAnalyzer.RecentTransitions"/>.</summary>
    public IReadOnlyList<VrrpTransition> Recent { get; init; } = [];

    /// <summary>The node has a transition log (false before the first apply that installs the notify script).</summary>
    public bool LogFound { get; init; }

    public IReadOnlyList<ServerAt> Servers { get; init; } = [];

    public IReadOnlyList<(string Frontend, long? CurrentSessions)> Frontends { get; init; } = [];

    public string? StatsError { get; init; }

    /// <summary>The node's clock when read; the hour and day windows end there.</summary>
    public DateTimeOffset? Clock { get; init; }
}
