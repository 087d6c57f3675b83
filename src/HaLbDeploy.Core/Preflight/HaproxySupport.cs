using System.Text.RegularExpressions;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Preflight;

/// <summary>
/// The oldest haproxy the rendered configuration works with, and the distributions whose own haproxy package is
/// older. 1.8 brought "master-worker" and "expose-fd listeners", which the template's global section uses (the
/// health check is written in keywords 1.8 already has).
/// </summary>
public static partial class HaproxySupport
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

    /// <summary>
    /// Why this node's haproxy is too old: the installed one, else the one the inventory's package files bring (from
    /// the file name, e.g. haproxy-2.4.22-1.el7.x86_64.rpm), else the one its distribution would install; null when
    /// it is not (the configuration is then rendered and applied as for any node).
    /// </summary>
    public static string? TooOld(NodeFacts facts, PackageSettings? packages = null)
    {
        if (facts.HaproxyVersion is { } installed)
        {
            return UpstreamVersion.Parse(installed) is { } version && version < Minimum
                ? $"haproxy {installed} is installed, but the rendered configuration needs haproxy {Minimum} or later (master-worker, expose-fd listeners); upgrade haproxy on the node" +
                  (packages?.Source == PackageSource.Files ? " (apply installs package files only where haproxy is missing: it does not replace an installed one)" : "")
                : null;
        }
        if (packages?.Source == PackageSource.Files && PackageFormats.For(facts.PackageManager) is { } format)
        {
            var listed = packages.FilesOf(format).Select(f => (Package: f, Version: ListedHaproxyVersion(f.FileName))).Where(x => x.Version is not null).ToList();
            if (listed.Count > 0)
            {
                var old = listed.FirstOrDefault(x => x.Version < Minimum);
                return old.Package is null ? null
                    : $"packages.files lists {old.Package.FileName} (haproxy {old.Version}), but the rendered configuration needs haproxy {Minimum} or later (master-worker, expose-fd listeners); list a newer haproxy package file";
            }
        }
        var major = facts.OsVersionId?.Split('.')[0];
        return facts.OsId is { } id && major is not null && TooOldDistributionPackages.TryGetValue((id, major), out var shipped)
            ? $"{facts.OsPrettyName ?? id + " " + facts.OsVersionId} ships haproxy {shipped}, but the rendered configuration needs haproxy {Minimum} or later. " +
              WayForward(major, facts.PackageManager)
            : null;
    }

    private static string WayForward(string major, PackageManager manager) => major == "7" && manager is PackageManager.Yum or PackageManager.Dnf
        ? $"Ways forward: list an haproxy {Minimum} or later .rpm built for EL7 (package name haproxy, with haproxy.service; e.g. rebuilt from the EL8 source RPM) " +
          "and the libraries it needs under `packages: source: files`; or move the LB nodes to EL8 or later (EL8 ships 1.8, EL9 2.4). " +
          "EL7's own newer build, rh-haproxy18 from Software Collections, installs as rh-haproxy18-haproxy.service with its configuration under /etc/opt/rh: " +
          "that is not the haproxy.service and /etc/haproxy/haproxy.cfg halb-deploy manages"
        : $"Ways forward: list an haproxy {Minimum} or later package file under `packages: source: files`, or use a newer OS release for the LB nodes (EL8 ships 1.8, EL9 2.4, Debian 12 2.6)";

    /// <summary>haproxy's upstream version from a package file name (haproxy-2.4.22-1.el7.x86_64.rpm, haproxy_2.6.12-1_amd64.deb); null for other packages.</summary>
    internal static Version? ListedHaproxyVersion(string fileName)
    {
        var match = HaproxyFileName().Match(fileName);
        return match.Success ? UpstreamVersion.Parse(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^haproxy[-_]((?:\d+:)?\d[^-_]*)")]
    private static partial Regex HaproxyFileName();
}
