namespace HaLbDeploy.Core.Verification;

/// <summary>One API server as one node's haproxy sees it; <see cref="Status"/> null when unknown or not configured there.</summary>
public sealed record BackendOnNode(string Node, BackendServerStatus? Status);
