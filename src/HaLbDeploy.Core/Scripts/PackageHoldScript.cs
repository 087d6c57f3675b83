using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Rendering;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Holds packages at their versions, so that unattended updates cannot upgrade them (and restart keepalived behind
/// the run's back): apt-mark hold; on dnf and yum a versionlock on exactly the version (the versionlock plugin is
/// installed first when missing: python3-dnf-plugin-versionlock, yum-plugin-versionlock), replacing an older lock.
/// Each held package is named in <see cref="NodePaths.PackageHoldsRecord"/>, so that the hold can be released when its
/// pin goes (<see cref="For(PackageManager, IReadOnlyList{PackageRelease})"/>).
/// </summary>
public static class PackageHoldScript
{
    public const string Description = "hold packages";

    public static string For(PackageManager manager, IReadOnlyList<PackageHold> holds)
    {
        if (holds.Count == 0) throw new ArgumentException("nothing to hold", nameof(holds));
        var script = new StringBuilder(ChangePrelude).Append("set -e\n");
        switch (manager)
        {
            case PackageManager.Apt:
                script.Append($"apt-mark hold {string.Join(' ', holds.Select(h => Quote(h.Package)))} >/dev/null\n");
                break;
            case PackageManager.Dnf or PackageManager.Yum:
                var tool = RpmTool(manager);
                var plugin = manager == PackageManager.Dnf ? "python3-dnf-plugin-versionlock" : "yum-plugin-versionlock";
                script.Append($"{tool} -q versionlock list >/dev/null 2>&1 || {tool} install -y -q {plugin}\n");
                foreach (var hold in holds)
                {
                    script.Append($"{tool} -q versionlock delete {Quote(hold.Package)} >/dev/null 2>&1 || true\n");
                    script.Append($"{tool} -q versionlock add {Quote($"{hold.Package}-{hold.Version}")} >/dev/null\n");
                }
                break;
            default:
                throw new ArgumentException("no package manager to hold packages with", nameof(manager));
        }
        AppendRecord(script, $"{{ cat {Record} 2>/dev/null || true; printf '%s\\n' {Names(holds.Select(h => h.Package))}; }} | sort -u");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction("halb_hold", script.ToString());
    }

    public const string ReleaseDescription = "release package holds";

    /// <summary>Releases holds of ours whose pin is gone (apt-mark unhold; versionlock delete) and drops them from the record.</summary>
    public static string For(PackageManager manager, IReadOnlyList<PackageRelease> releases)
    {
        if (releases.Count == 0) throw new ArgumentException("nothing to release", nameof(releases));
        var names = Names(releases.Select(r => r.Package));
        var script = new StringBuilder(ChangePrelude).Append("set -e\n");
        switch (manager)
        {
            case PackageManager.Apt:
                script.Append($"apt-mark unhold {names} >/dev/null\n");
                break;
            case PackageManager.Dnf or PackageManager.Yum:
                var tool = RpmTool(manager);
                foreach (var release in releases) script.Append($"{tool} -q versionlock delete {Quote(release.Package)} >/dev/null 2>&1 || true\n");
                break;
            default:
                throw new ArgumentException("no package manager to release holds with", nameof(releases));
        }
        var drop = string.Concat(releases.Select(r => $" -e {Quote(r.Package)}"));
        AppendRecord(script, $"{{ grep -vx{drop} {Record} 2>/dev/null || true; }}");
        script.Append($"[ -s {Record} ] || rm -f {Record}\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction("halb_release", script.ToString());
    }

    private static readonly string Record = Quote(NodePaths.PackageHoldsRecord);

    private static string Names(IEnumerable<string> packages) => string.Join(' ', packages.Select(Quote));

    /// <summary>Rewrites the record from <paramref name="lines"/> (a shell pipeline), through a temporary file and a rename.</summary>
    private static void AppendRecord(StringBuilder script, string lines)
    {
        script.Append($"mkdir -p {Quote(NodePaths.StateDirectory)}\n");
        script.Append($"{lines} > {Quote(NodePaths.PackageHoldsRecord + ".tmp")}\n");
        script.Append($"mv -f {Quote(NodePaths.PackageHoldsRecord + ".tmp")} {Record}\n");
    }
}
