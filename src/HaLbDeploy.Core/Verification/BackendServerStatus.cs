namespace HaLbDeploy.Core.Verification;

/// <summary>One server line of haproxy's `show stat`: an API server as one haproxy sees it.</summary>
/// <param name="Proxy">The backend section, e.g. "kube-apiserver".</param>
/// <param name="Server">The server name, the backend's name in the inventory (api1).</param>
/// <param name="Status">haproxy's words: "UP", "UP 1/2" (going down), "DOWN", "DOWN 1/2" (coming up), "MAINT", "DRAIN", "NOLB", "no check".</param>
/// <param name="CheckStatus">The last health check's result, e.g. "L7OK", "L7STS", "L4CON", "L6TOUT"; empty when unknown.</param>
/// <param name="CheckCode">The HTTP status of the last check (200, 500), when there was one.</param>
/// <param name="Address">ip:port haproxy connects to; empty when not reported.</param>
public sealed record BackendServerStatus(string Proxy, string Server, string Status, string CheckStatus, int? CheckCode, string Address)
{
    /// <summary>Seconds since haproxy last changed this server's state (`lastchg`); null when not reported.</summary>
    public long? SecondsSinceChange { get; init; }

    /// <summary>Sessions open to this server now (`scur`); null when not reported.</summary>
    public long? CurrentSessions { get; init; }

    /// <summary>In rotation: "UP" or "UP n/m" (one failed check, still serving). "no check" servers are assumed up.</summary>
    public bool IsUp => Status.StartsWith("UP", StringComparison.Ordinal) || Status == "no check";

    /// <summary>Set to drain through the admin socket (halb-deploy drain): no new connections, open ones go on.</summary>
    public bool IsDrained => Status.StartsWith("DRAIN", StringComparison.Ordinal);

    /// <summary>"UP", "DRAINED (2 sessions)", or e.g. "DOWN (L7STS 500)" with the reason of the last check.</summary>
    public string Describe()
    {
        if (IsDrained) return CurrentSessions is > 0 and var open ? $"DRAINED ({open} session{(open == 1 ? "" : "s")})" : "DRAINED";
        if (IsUp || CheckStatus.Length == 0) return Status;
        return CheckCode is { } code ? $"{Status} ({CheckStatus} {code})" : $"{Status} ({CheckStatus})";
    }
}
