using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Holds packages at their versions, so that unattended updates cannot upgrade them (and restart keepalived behind
/// the run's back): apt-mark hold; on dnf and yum a versionlock on exactly the version (the versionlock plugin is
/// installed first when missing: python3-dnf-plugin-versionlock, yum-plugin-versionlock), replacing an older lock.
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
                var tool = manager == PackageManager.Dnf ? "dnf" : "yum";
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
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction("halb_hold", script.ToString());
    }
}
