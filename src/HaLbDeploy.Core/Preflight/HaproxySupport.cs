using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Preflight;

/// <summary>
/// The oldest haproxy the rendered configuration works with, and the distributions whose own haproxy package is
/// older. 1.8 brought "master-worker" and "expose-fd listeners", which the template's global section uses (the
/// health check is written in keywords 1.8 already has).
/// </summary>
public static class HaproxySupport
{
    public static readonly Version Minimum = new(1, 8);

    /// <summary>(os-release ID, VERSION_ID major) to the haproxy version the distribution ships.</summary>
    private static readonly Dictionary<(string Id, string Major), string> TooOldDistributionPackages = new()
    {
        [("centos", "7")] = "1.5",
        [("rhel", "7")] = "1.5",
        [("ol", "7")] = "1.5",
        [("scientific", "7")] = "1.5",
        [("ubuntu", "16")] = "1.6",
        [("debian", "9")] = "1.7",
    };

    /// <summary>Why this node's haproxy is too old (installed, or the one its distribution would install); null when it is not.</summary>
    public static string? TooOld(NodeFacts facts)
    {
        if (facts.HaproxyVersion is { } installed)
        {
            return UpstreamVersion.Parse(installed) is { } version && version < Minimum
                ? $"haproxy {installed} is installed, but the rendered configuration needs haproxy {Minimum} or later (master-worker, expose-fd listeners); upgrade haproxy on the node"
                : null;
        }
        var major = facts.OsVersionId?.Split('.')[0];
        return facts.OsId is { } id && major is not null && TooOldDistributionPackages.TryGetValue((id, major), out var shipped)
            ? $"{facts.OsPrettyName ?? id + " " + facts.OsVersionId} ships haproxy {shipped}, but the rendered configuration needs haproxy {Minimum} or later; " +
              "use a newer OS release for the LB nodes (EL8 ships 1.8, EL9 2.4, Debian 12 2.6)"
            : null;
    }
}
