namespace HaLbDeploy.Core.Facts;

/// <summary>A socket listening on a TCP port of the node, from `ss -ltnp`.</summary>
/// <param name="LocalAddress">As ss prints it, e.g. "0.0.0.0:6443", "[::]:6443" or "*:6443".</param>
/// <param name="ProcessNames">The owning processes, e.g. ["haproxy"] or ["kube-apiserver"]; empty when unknown.</param>
public sealed record PortListener(string LocalAddress, IReadOnlyList<string> ProcessNames);
