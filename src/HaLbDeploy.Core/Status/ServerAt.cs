namespace HaLbDeploy.Core.Status;

/// <summary>One API server as one node's haproxy sees it, with the time of its last state change.</summary>
/// <param name="Backend">haproxy's backend section (the frontend's default_backend), e.g. kube-apiserver.</param>
/// <param name="Status">haproxy's words: UP, DOWN, "UP 1/2", MAINT, ...</param>
/// <param name="Up">In rotation.</param>
/// <param name="Described">The status with the reason of the last check when it is not up, e.g. "DOWN (L7STS 500)".</param>
/// <param name="LastChange">When haproxy last changed the server's state (the node's clock minus `lastchg`); null when unknown.</param>
/// <param name="CurrentSessions">Sessions open to the server now.</param>
public sealed record ServerAt(string Backend, string Server, string Address, string Status, bool Up, string Described, DateTimeOffset? LastChange, long? CurrentSessions);
