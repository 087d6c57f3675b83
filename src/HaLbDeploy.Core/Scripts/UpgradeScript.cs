using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Packages;
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

    /// <summary>When the handover did not happen: keepalived back as it was.</summary>
    public static string StartKeepalived { get; } = AsFunction("halb_takeback", ChangePrelude + "systemctl start keepalived\n");

    public static string For(PackageManager manager, IReadOnlyList<PackageUpgrade> upgrades, int activeTimeoutSeconds = 30)
    {
        if (upgrades.Count == 0) throw new ArgumentException("nothing to upgrade", nameof(upgrades));
        var script = new StringBuilder(ChangePrelude);
        script.Append(Install(manager, upgrades));
        script.Append("systemctl restart haproxy || exit 1\n");
        script.Append("systemctl restart keepalived || exit 1\n");
        script.Append($"n=0\nuntil systemctl is-active -q haproxy && systemctl is-active -q keepalived; do\n  n=$((n + 1)); [ \"$n\" -le {activeTimeoutSeconds * 10} ] || {{ echo 'haproxy or keepalived did not become active after the upgrade' >&2; exit 1; }}\n  sleep 0.1\ndone\n");
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
