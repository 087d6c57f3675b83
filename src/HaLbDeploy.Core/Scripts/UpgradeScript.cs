using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Rendering;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Moves packages to the given versions on one node, then restarts haproxy and keepalived on the new binaries and
/// waits until they are active. The package scripts are kept from starting or restarting services themselves
/// (apt: a policy-rc.d for the length of the install, unless the node has its own), so that the run decides when
/// keepalived comes back: on the VIP holder only after it handed the VIP over. Our configuration files stay as
/// they are (apt: --force-confold).
/// </summary>
public static class UpgradeScript
{
    public const string Description = "upgrade packages";
    private const string PolicyFile = "/usr/sbin/policy-rc.d";
    private const string PolicyMarker = "# halb-deploy upgrade";

    /// <summary>The VIP holder's handover: keepalived stops, sending priority 0, and the next in line takes the VIP at once.</summary>
    public static string StopKeepalived { get; } = AsFunction("halb_handover", ChangePrelude + "systemctl stop keepalived\n");

    /// <summary>keepalived started again: after a handover that did not happen, and on the interim holder once the holder took the VIP back.</summary>
    public static string StartKeepalived { get; } = AsFunction("halb_restart", ChangePrelude + "systemctl start keepalived\n");

    /// <summary>
    /// The upgraded holder takes the VIP back once the interim holder's keepalived stopped (so the VIP is on no node,
    /// never on two): keepalived starts as the address owner (state MASTER, priority 255), which takes the VIP at
    /// once; when the VIP is up here, the rendered keepalived.conf goes back and keepalived reloads into it, keeping
    /// the MASTER state. If the VIP does not come up in time, the rendered file goes back and the script fails.
    /// </summary>
    public static string TakeBack(string vip, string interfaceName, int timeoutSeconds = 10)
    {
        var live = Quote(NodePaths.KeepalivedConfig);
        var kept = Quote(NodePaths.KeepalivedConfig + ".halb-final");
        var script = new StringBuilder(ChangePrelude);
        script.Append($"cp -p {live} {kept} || exit 1\n");
        script.Append($"restore() {{ mv -f {kept} {live}; }}\n");
        script.Append($"sed -i -e 's/^\\([[:space:]]*state\\) BACKUP$/\\1 MASTER/' -e 's/^\\([[:space:]]*priority\\) [0-9]*$/\\1 255/' {live} || {{ restore; exit 1; }}\n");
        script.Append("systemctl start keepalived || { restore; exit 1; }\n");
        script.Append($"n=0\nuntil ip -o addr show dev {Quote(interfaceName)} | grep -qF {Quote($" {vip}/")}; do\n  n=$((n + 1)); [ \"$n\" -le {timeoutSeconds * 100} ] || {{ restore; systemctl reload keepalived; echo 'the VIP did not come up here' >&2; exit 1; }}\n  sleep 0.01\ndone\n");
        script.Append("restore\nsystemctl reload keepalived || exit 1\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction("halb_takeback", script.ToString());
    }

    /// <param name="keepalivedStopped">The VIP holder's upgrade: keepalived stopped for the handover stays stopped (<see cref="TakeBack"/> starts it).</param>
    public static string For(PackageManager manager, IReadOnlyList<PackageUpgrade> upgrades, int activeTimeoutSeconds = 30, bool keepalivedStopped = false)
    {
        if (upgrades.Count == 0) throw new ArgumentException("nothing to upgrade", nameof(upgrades));
        var script = new StringBuilder(ChangePrelude);
        script.Append(Install(manager, upgrades));
        script.Append("systemctl restart haproxy || exit 1\n");
        if (!keepalivedStopped) script.Append("systemctl restart keepalived || exit 1\n");
        var active = keepalivedStopped ? "systemctl is-active -q haproxy" : "systemctl is-active -q haproxy && systemctl is-active -q keepalived";
        script.Append($"n=0\nuntil {active}; do\n  n=$((n + 1)); [ \"$n\" -le {activeTimeoutSeconds * 10} ] || {{ echo 'haproxy or keepalived did not become active after the upgrade' >&2; exit 1; }}\n  sleep 0.1\ndone\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return AsFunction("halb_upgrade", script.ToString());
    }

    private static string Install(PackageManager manager, IReadOnlyList<PackageUpgrade> upgrades) => manager switch
    {
        PackageManager.Apt =>
            $"if [ ! -e {PolicyFile} ]; then printf '#!/bin/sh\\n{PolicyMarker}\\nexit 101\\n' > {PolicyFile} && chmod 0755 {PolicyFile}; fi\n" +
            $"unpolicy() {{ grep -q {Quote(PolicyMarker)} {PolicyFile} 2>/dev/null && rm -f {PolicyFile}; }}\n" +
            "trap unpolicy EXIT\n" +
            "rc=0\nDEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold --allow-downgrades --allow-change-held-packages " +
            string.Join(' ', upgrades.Select(u => Quote($"{u.Package}={u.To}"))) + " || rc=$?\nunpolicy\n[ \"$rc\" -eq 0 ] || exit \"$rc\"\n",
        PackageManager.Dnf or PackageManager.Yum =>
            $"{manager.ToString().ToLowerInvariant()} install -y -q {string.Join(' ', upgrades.Select(u => Quote($"{u.Package}-{u.To}")))} || exit 1\n",
        _ => throw new ArgumentException("no package manager to upgrade with", nameof(manager)),
    };
}
