using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Drain;

/// <summary>One API server as one node's haproxy reported it after drain or undrain; <see cref="Error"/> says why not, when it could not.</summary>
/// <param name="Node">The LB node's name.</param>
/// <param name="Server">haproxy's `show stat` line for the server; null when it was not read.</param>
/// <param name="Error">Why the state could not be set or read on this node; null when it was.</param>
public sealed record ServerOnNode(string Node, BackendServerStatus? Server, string? Error)
{
    /// <summary>Sessions still open to the server through this node; null when unknown.</summary>
    public long? Sessions => Server?.CurrentSessions;

    /// <summary>The error of a node left alone because another node refused (e.g. its run lock is held).</summary>
    public const string NotChanged = "not changed: another node refused";

    public bool Failed => Error is not null;

    /// <summary>Failed on its own account, not only left alone (<see cref="NotChanged"/>).</summary>
    public bool FailedItself => Error is not null && Error != NotChanged;

    public static ServerOnNode Unreadable(string node, string error) => new(node, null, error);
}
