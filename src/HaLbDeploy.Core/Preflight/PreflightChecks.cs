using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Preflight;

/// <summary>
/// Checks, from facts alone, that a node can take the configuration: systemd runs, a package manager is known,
/// the interface exists and carries the node's address, the VIP fits the interface's subnet, and the node's haproxy
/// (installed, or the one its distribution ships) is new enough for the rendered configuration.
/// </summary>
public static class PreflightChecks
{
    public static IReadOnlyList<PreflightFinding> Check(Inventory inventory, LbNode node, NodeFacts facts, TimeSpan? clockOffset, TimeSpan clockSkewWarning)
    {
        var findings = new List<PreflightFinding>();
        void Error(string check, string message) => findings.Add(new PreflightFinding(true, node.Name, check, message));
        void Warning(string check, string message) => findings.Add(new PreflightFinding(false, node.Name, check, message));

        if (!facts.Complete)
            Error("facts", "the facts script did not finish; its output was cut short");
        if (facts.SystemdRunning != true)
            Error("systemd", "systemd is not running as PID 1; halb-deploy manages keepalived and haproxy as systemd units");
        if (facts.PackageManager == PackageManager.Unknown && (facts.KeepalivedVersion is null || facts.HaproxyVersion is null))
            Error("package-manager", "no apt-get, dnf or yum found to install keepalived and haproxy with");
        else if (inventory.Packages.Source == PackageSource.Files && (facts.KeepalivedVersion is null || facts.HaproxyVersion is null)
                 && PackageFormats.For(facts.PackageManager) is { } format && inventory.Packages.FilesOf(format).Count == 0)
            Error("package-files", $"packages.source is files, but no {PackageFormats.Extension(format)} file is listed for this {facts.PackageManager.ToString().ToLowerInvariant()} node");
        if (HaproxySupport.TooOld(facts, inventory.Packages) is { } tooOld)
            Error("haproxy-version", tooOld);
        else if (MetricsSupport.Unsupported(inventory, facts) is { } noMetrics)
            Error("metrics", noMetrics);

        var iface = facts.Interface(node.Interface);
        if (iface is null)
        {
            var known = string.Join(", ", facts.Interfaces.Select(i => i.Name));
            Error("interface", $"interface {node.Interface} does not exist on the node (it has: {known}); set `interface:` in the inventory");
        }
        else
        {
            if (!iface.Holds(node.Address))
                Warning("interface", $"{node.Interface} does not carry the node address {node.Address}; unicast VRRP is sent from that address");
            if (!iface.Addresses.Any(a => inventory.Vip.SharesSubnetWith(a.Address) && a.PrefixLength == inventory.Vip.PrefixLength))
                Warning("vip-subnet", $"no address on {node.Interface} is in the VIP's subnet {inventory.Vip}");
        }
        // Frontends bound to different VIPs may share a port: one finding for the port, naming them all.
        foreach (var port in inventory.Frontends.GroupBy(f => f.Port))
        {
            var others = facts.FrontendListeners.Where(l => l.Port == port.Key || l.Port is null && inventory.FrontendPorts.Count == 1)
                .SelectMany(l => l.ProcessNames).Where(p => p != "haproxy").Distinct().ToList();
            if (others.Count > 0)
                Error("frontend-port", $"port {port.Key}{(inventory.Frontends.Count > 1 ? $" (frontend {string.Join(", ", port.Select(f => f.Name))})" : "")} is already in use on the node by {string.Join(", ", others)}; haproxy could not bind it");
        }
        if (clockOffset is { } offset && offset.Duration() > clockSkewWarning)
            Warning("clock", $"the node's clock is {offset.TotalSeconds:+0.0;-0.0} s off the control host's; keep VRRP nodes in time sync (chrony/ntp)");
        return findings;
    }
}
