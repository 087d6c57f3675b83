using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// Compares a node's desired configuration with its facts and lists the changes, pyinfra-style: it runs
/// nothing, and a node already converged yields no change at all (which makes apply idempotent and plan honest).
/// </summary>
public sealed class NodePlanner(Inventory inventory, SecretMasker masker)
{
    public static readonly string[] Packages = ["keepalived", "haproxy"];

    /// <param name="currentContent">The node's current text of a managed file, for diffs; null when not fetched.</param>
    public NodePlan Plan(NodeConfiguration desired, NodeFacts facts, Func<string, string?>? currentContent = null)
    {
        var node = desired.Node;
        var changes = new List<Change>();
        PlanPackages(facts, changes);
        PlanFirewall(node, facts, changes);
        PlanSelinux(facts, changes);
        foreach (var file in desired.Files) PlanFile(file, facts.File(file.Path), currentContent, changes);
        PlanRemovals(desired, facts, changes);
        PlanUnit("haproxy", [NodePaths.HaproxyConfig, NodePaths.HaproxyVrrpMetricsLua], facts, changes);
        PlanUnit("keepalived", [NodePaths.KeepalivedConfig], facts, changes);
        var current = currentContent?.Invoke(NodePaths.KeepalivedConfig) is { } text ? VrrpIdentityReader.Read(text) : null;
        return new NodePlan(node, facts, desired, changes) { IdentityChanges = IdentityChanges(desired, changes, current), CurrentIdentity = current };
    }

    /// <summary>
    /// Old against new keepalived.conf: a node that creates it joins (no identity to change); one whose current text
    /// could not be read is taken as an identity change, as the cutover is safe for any change and rolling is not.
    /// </summary>
    private static IReadOnlyList<string> IdentityChanges(NodeConfiguration desired, List<Change> changes, VrrpIdentity? current)
    {
        if (!changes.Any(c => c.Kind == ChangeKind.UpdateFile && c.Target == NodePaths.KeepalivedConfig)) return [];
        if (current is null) return ["keepalived.conf's current text could not be read"];
        return current.DifferencesTo(VrrpIdentityReader.Read(desired.File(NodePaths.KeepalivedConfig).Content));
    }

    private void PlanPackages(NodeFacts facts, List<Change> changes)
    {
        var installed = new Dictionary<string, string?> { ["keepalived"] = facts.KeepalivedVersion, ["haproxy"] = facts.HaproxyVersion };
        var from = inventory.Packages.Source == PackageSource.Files && PackageFormats.For(facts.PackageManager) is { } format
            ? $" from the inventory's {PackageFormats.Extension(format)} files"
            : "";
        foreach (var package in Packages.Where(p => installed[p] is null))
            changes.Add(new Change(ChangeKind.InstallPackage, package, $"install package {package}{from}"));
    }

    /// <summary>
    /// VRRP only from the peers (<see cref="FirewallRules"/>), in the runtime and the permanent zone of the interface;
    /// rules of ours for addresses that are no peer any more are removed. A zone whose target is ACCEPT needs none.
    /// </summary>
    private void PlanFirewall(LbNode node, NodeFacts facts, List<Change> changes)
    {
        if (!facts.Firewall.IsRunning) return;
        var runtime = facts.Firewall.RuntimeZoneOf(node.Interface);
        var permanent = facts.Firewall.PermanentZoneOf(node.Interface);
        var wanted = FirewallRules.VrrpFromPeers(inventory, node);
        if (runtime?.AcceptsEverything != true || permanent?.AcceptsEverything != true)
        {
            foreach (var (peer, rule) in wanted.Where(w => !HasRule(runtime, w.Rule) || !HasRule(permanent, w.Rule)))
                changes.Add(new Change(ChangeKind.AllowFirewall, rule, $"firewalld: accept VRRP from {peer.Name} ({peer.Address}) on {node.Interface}: {rule}"));
        }
        var stale = (runtime?.RichRules ?? []).Concat(permanent?.RichRules ?? [])
            .Where(r => FirewallRules.IsOurs(r) && !wanted.Any(w => FirewallRules.Same(w.Rule, r)))
            .DistinctBy(FirewallRules.Normalized);
        foreach (var rule in stale)
            changes.Add(new Change(ChangeKind.RemoveFirewallRule, rule, $"firewalld: remove {rule} (added by halb-deploy for a node that is no peer any more)"));
        foreach (var frontendPort in inventory.FrontendPorts.Where(p => !facts.Firewall.AllowsTcpPortOn(node.Interface, p)))
            changes.Add(new Change(ChangeKind.AllowFirewall, $"{frontendPort}/tcp", $"firewalld: allow {frontendPort}/tcp on {node.Interface}"));
        if (inventory.Metrics is { } metrics && !facts.Firewall.AllowsTcpPortOn(node.Interface, metrics.Port))
            changes.Add(new Change(ChangeKind.AllowFirewall, $"{metrics.Port}/tcp", $"firewalld: allow {metrics.Port}/tcp on {node.Interface} (metrics)"));
    }

    private static bool HasRule(FirewallZone? zone, string rule) => zone?.RichRules.Any(r => FirewallRules.Same(r, rule)) == true;

    private static void PlanSelinux(NodeFacts facts, List<Change> changes)
    {
        if (facts.Selinux == SelinuxMode.Enforcing && facts.HaproxyConnectAny != true)
            changes.Add(new Change(ChangeKind.SetSelinuxBoolean, "haproxy_connect_any", "SELinux: setsebool -P haproxy_connect_any 1"));
    }

    private void PlanFile(RenderedFile file, ManagedFileState? state, Func<string, string?>? currentContent, List<Change> changes)
    {
        var name = Path.GetFileName(file.Path);
        if (state is null || !state.Exists)
        {
            var added = file.Content.Count(c => c == '\n');
            changes.Add(new Change(ChangeKind.CreateFile, file.Path, $"{name} created (+{added})",
                UnifiedDiff.Between("", masker.MaskConfiguration(file.Content), file.Path)));
            return;
        }
        if (state.Sha256 != ContentDigest.Of(file.Content))
        {
            var old = currentContent?.Invoke(file.Path);
            if (old is null)
            {
                changes.Add(new Change(ChangeKind.UpdateFile, file.Path, $"{name} changed"));
                return;
            }
            var diff = UnifiedDiff.Between(masker.MaskConfiguration(old, file.Content), masker.MaskConfiguration(file.Content), file.Path);
            var (plus, minus) = UnifiedDiff.Count(diff);
            changes.Add(new Change(ChangeKind.UpdateFile, file.Path, $"{name} changed (+{plus} -{minus})", diff));
            return;
        }
        if (NormalMode(state.Mode) != NormalMode(file.Mode) || state.Owner != file.Owner || state.Group != file.Group)
        {
            changes.Add(new Change(ChangeKind.FixFileAttributes, file.Path,
                $"{name} attributes {state.Mode} {state.Owner}:{state.Group} -> {NormalMode(file.Mode)} {file.Owner}:{file.Group}"));
        }
    }

    /// <summary>A file of ours that this inventory no longer renders (the track drop-in after the fast profile went) is removed.</summary>
    private static void PlanRemovals(NodeConfiguration desired, NodeFacts facts, List<Change> changes)
    {
        foreach (var path in NodePaths.RemovedWhenNotRendered.Where(p => facts.File(p) is { Exists: true } && !desired.Files.Any(f => f.Path == p)))
            changes.Add(new Change(ChangeKind.RemoveFile, path, $"{Path.GetFileName(path)} removed (no longer rendered for this inventory)"));
    }

    private static void PlanUnit(string unit, string[] configPaths, NodeFacts facts, List<Change> changes)
    {
        var state = facts.Unit(unit);
        var configChanged = changes.Any(c => c.Kind is ChangeKind.CreateFile or ChangeKind.UpdateFile && configPaths.Contains(c.Target));
        if (state is not { Enabled: true })
            changes.Add(new Change(ChangeKind.EnableUnit, unit, $"enable {unit}"));
        if (state is not { Active: true })
            changes.Add(new Change(ChangeKind.StartUnit, unit, $"start {unit}"));
        else if (configChanged)
            changes.Add(new Change(ChangeKind.ReloadUnit, unit, $"reload {unit} (configuration changed)"));
    }

    private static string? NormalMode(string? mode) => mode?.TrimStart('0').PadLeft(3, '0');
}
