using System.Text;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Derives a stable virtual_router_id (1-255) from the cluster name, so two clusters that omit it are unlikely
/// to collide on one L2 segment and the same cluster always gets the same id.
/// </summary>
public static class VirtualRouterIdDeriver
{
    public static int Derive(string clusterName)
    {
        // FNV-1a, 32 bit: simple, stable across runtimes (string.GetHashCode is randomised per process).
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(clusterName))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash % 255) + 1;
    }
}
