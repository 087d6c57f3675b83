namespace HaLbDeploy.Core.Facts;

/// <summary>A socket listening on a TCP port of the node, from `ss -ltnp`.</summary>
/// <param name="LocalAddress">As ss prints it, e.g. "0.0.0.0:6443", "[::]:6443" or "*:6443".</param>
/// <param name="ProcessNames">The owning processes, e.g. ["haproxy"] or ["kube-apiserver"]; empty when unknown.</param>
public sealed record PortListener(string LocalAddress, IReadOnlyList<string> ProcessNames)
{
    /// <summary>The port after the last ':' of <see cref="LocalAddress"/>; null when ss printed none.</summary>
    public int? Port => int.TryParse(LocalAddress.AsSpan(LocalAddress.LastIndexOf(':') + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
}
