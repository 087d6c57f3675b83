using System.Diagnostics;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Preflight;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>
/// plan and apply over all nodes. Phases: connect, facts, preflight, plan; then (apply only) packages and host
/// settings in parallel, stage + validate on every node in parallel (nothing live changes if any node rejects its
/// files), and the rollout one node at a time, the VIP holder last, waiting after each node until its services
/// are active and exactly one node holds the VIP. The first failure stops the run.
/// </summary>
public sealed class Converger(Inventory inventory, IReadOnlyList<NodeConfiguration> desired, IHostConnector connector, IRunProgress progress, TimeProvider time, ConvergeOptions options)
{
    private readonly SecretMasker _masker = SecretMasker.For(inventory);
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    public async Task<ConvergeReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var nodes = desired.Select(d => new NodeContext(d.Node, d)).ToList();
        try
        {
            await RunPhasesAsync(nodes, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _errors.Add("interrupted: the run stopped; nodes already done keep their new configuration, the rest their old one");
            await DiscardStagedAsync(nodes);
        }
        finally
        {
            await Task.WhenAll(nodes.Where(n => n.Session is not null).Select(n => n.Session!.DisposeAsync().AsTask()));
        }
        var results = nodes.Select(n => new NodeRunResult(n.Name, n.Outcome ?? NodeOutcome.Untouched, n.Plan?.Changes ?? [], n.Error, n.Facts.HoldsAddress(inventory.Vip.Address))).ToList();
        return new ConvergeReport(options.DryRun, results, _errors, _warnings, time.GetElapsedTime(started));
    }

    private async Task RunPhasesAsync(List<NodeContext> nodes, CancellationToken ct)
    {
        if (!await ForEachAsync(nodes, "connect", ConnectAsync, ct)) return;
        if (!await ForEachAsync(nodes, "facts", ReadFactsAsync, ct)) return;
        if (!RunPreflight(nodes)) return;
        if (!await ForEachAsync(nodes, "plan", PlanAsync, ct)) return;
        foreach (var node in nodes)
        {
            foreach (var change in node.Plan!.Changes) progress.Report("plan", node.Name, change.ToString());
            if (!node.Plan.HasChanges) progress.Report("plan", node.Name, "no change");
        }
        if (options.DryRun)
        {
            foreach (var node in nodes) node.Outcome = node.Plan!.HasChanges ? NodeOutcome.Pending : NodeOutcome.Unchanged;
            return;
        }

        var needPackages = nodes.Where(n => n.Plan!.Of(ChangeKind.InstallPackage).Any()).ToList();
        if (!await ForEachAsync(needPackages, "packages", InstallPackagesAsync, ct)) return;
        if (needPackages.Count > 0)
        {
            // Installing can start units and drop default files: plan again from fresh facts.
            if (!await ForEachAsync(needPackages, "facts", ReadFactsAsync, ct)) return;
            if (!await ForEachAsync(needPackages, "plan", PlanAsync, ct)) return;
        }
        var needSettings = nodes.Where(n => n.Plan!.Of(ChangeKind.AllowFirewall, ChangeKind.SetSelinuxBoolean).Any()).ToList();
        if (!await ForEachAsync(needSettings, "host", ApplyHostSettingsAsync, ct)) return;

        var needFiles = nodes.Where(n => FilesToStage(n).Count > 0).ToList();
        if (!await ForEachAsync(needFiles, "stage", StageAsync, ct))
        {
            await DiscardStagedAsync(nodes);
            return;
        }

        bool HoldsVip(LbNode n) => Find(nodes, n).Facts.HoldsAddress(inventory.Vip.Address);
        var order = RolloutOrder.For(nodes.Where(n => NeedsActivation(n)).Select(n => n.Node), HoldsVip);
        foreach (var node in nodes.Where(n => !NeedsActivation(n)))
            node.Outcome = needPackages.Contains(node) || needSettings.Contains(node) ? NodeOutcome.Changed : NodeOutcome.Unchanged;
        if (order.Count > 0) progress.Report("rollout", "*", $"order: {string.Join(", ", order.Select(n => n.Name))} ({(order.Any(HoldsVip) ? "VIP holder last" : "highest priority first: none of them holds the VIP")})");
        foreach (var lbNode in order)
        {
            var node = Find(nodes, lbNode);
            if (!await GuardAsync(node, "rollout", () => ActivateAsync(node, ct)) || !await GuardAsync(node, "rollout", () => WaitHealthyAsync(nodes, node, ct)))
            {
                node.Outcome = NodeOutcome.Failed;
                await DiscardStagedAsync(nodes.Where(n => n.Outcome is null).ToList());
                return;
            }
            node.Outcome = NodeOutcome.Changed;
        }
    }

    private async Task<bool> ConnectAsync(NodeContext node, CancellationToken ct)
    {
        node.Session = await connector.ConnectAsync(node.Node, ct);
        return true;
    }

    private async Task<bool> ReadFactsAsync(NodeContext node, CancellationToken ct)
    {
        var script = FactScript.Build(node.Desired.Files.Select(f => f.Path).ToList(), inventory.FrontendPort);
        var sent = time.GetUtcNow();
        var result = await node.Session!.ReadAsync(FactScript.Description, script, ct);
        var received = time.GetUtcNow();
        if (!result.Succeeded) return Fail(node, $"reading facts failed (exit {result.ExitCode}): {Tail(result.StandardError)}");
        node.Facts = FactParser.Parse(result.StandardOutput);
        node.ClockOffset = node.Facts.Clock?.OffsetFrom(sent, received);
        return true;
    }

    private bool RunPreflight(List<NodeContext> nodes)
    {
        var ok = true;
        foreach (var node in nodes)
        {
            foreach (var finding in PreflightChecks.Check(inventory, node.Node, node.Facts, node.ClockOffset, options.ClockSkewWarningOrDefault))
            {
                var line = $"[{finding.Check}] {finding.Message}";
                if (finding.IsError)
                {
                    ok = false;
                    node.Error = line;
                    _errors.Add($"{node.Name}: preflight {line}");
                    progress.Warn("preflight", node.Name, "[ERROR] " + line);
                }
                else
                {
                    _warnings.Add($"{node.Name}: {line}");
                    progress.Warn("preflight", node.Name, "[WARNING] " + line);
                }
            }
        }
        return ok;
    }

    private async Task<bool> PlanAsync(NodeContext node, CancellationToken ct)
    {
        var planner = new NodePlanner(inventory, _masker);
        var plan = planner.Plan(node.Desired, node.Facts);
        var changed = plan.Of(ChangeKind.UpdateFile).Select(c => c.Target).ToList();
        if (changed.Count > 0)
        {
            var read = await node.Session!.ReadAsync("read changed files", NodeScripts.ReadFiles(changed), ct);
            var current = read.Succeeded ? NodeScripts.ParseFiles(read.StandardOutput) : new Dictionary<string, string>();
            plan = planner.Plan(node.Desired, node.Facts, path => current.GetValueOrDefault(path));
        }
        node.Plan = plan;
        return true;
    }

    private async Task<bool> InstallPackagesAsync(NodeContext node, CancellationToken ct)
    {
        var packages = node.Plan!.Of(ChangeKind.InstallPackage).Select(c => c.Target).ToList();
        var manager = node.Facts.PackageManager;
        ScriptResult result;
        if (inventory.Packages.Source == PackageSource.Files)
        {
            var files = inventory.Packages.FilesOf(PackageFormats.For(manager) ?? throw new InvalidOperationException($"no package format for {manager}"));
            result = await new PackageFileInstaller(node.Session!, progress, node.Name).InstallAsync(manager, files, packages, ct);
            if (result.ExitCode == ScriptMarkers.ExitPackageDigestMismatch)
                return Fail(node, $"the copies of {string.Join(", ", ScriptMarkers.BadDigestFiles(result.StandardOutput))} on the node differ from the files sent; nothing was installed");
        }
        else
        {
            progress.Report("packages", node.Name, $"installing {string.Join(", ", packages)} with {manager.ToString().ToLowerInvariant()}");
            result = await node.Session!.ChangeAsync("install packages", NodeScripts.InstallPackages(manager, packages), ct);
        }
        if (!result.Succeeded) return Fail(node, $"installing {string.Join(", ", packages)} failed (exit {result.ExitCode}): {Tail(result.StandardError + result.StandardOutput)}");
        progress.Report("packages", node.Name, $"installed {string.Join(", ", packages)}");
        return true;
    }

    private async Task<bool> ApplyHostSettingsAsync(NodeContext node, CancellationToken ct)
    {
        var result = await node.Session!.ChangeAsync("firewall and selinux", NodeScripts.HostSettings(node.Plan!), ct);
        if (!result.Succeeded) return Fail(node, $"firewall/SELinux settings failed (exit {result.ExitCode}): {Tail(result.StandardError)}");
        foreach (var change in node.Plan!.Of(ChangeKind.AllowFirewall, ChangeKind.SetSelinuxBoolean)) progress.Report("host", node.Name, change.Summary);
        return true;
    }

    private async Task<bool> StageAsync(NodeContext node, CancellationToken ct)
    {
        var files = FilesToStage(node);
        var result = await node.Session!.ChangeAsync("stage and validate files", NodeScripts.Stage(files), ct);
        if (result.ExitCode == ScriptMarkers.ExitInvalidConfig)
        {
            var paths = string.Join(", ", ScriptMarkers.InvalidPaths(result.StandardOutput));
            return Fail(node, $"the node's own validation rejected the new {paths}; nothing was replaced on any node:\n{_masker.Mask(result.StandardOutput.Trim())}");
        }
        if (!result.Succeeded) return Fail(node, $"staging files failed (exit {result.ExitCode}): {_masker.Mask(Tail(result.StandardError))}");
        node.Staged = true;
        progress.Report("stage", node.Name, $"{files.Count} file(s) staged and validated on the node");
        return true;
    }

    private async Task<bool> ActivateAsync(NodeContext node, CancellationToken ct)
    {
        foreach (var change in node.Plan!.Changes.Where(c => c.Kind is not (ChangeKind.InstallPackage or ChangeKind.AllowFirewall or ChangeKind.SetSelinuxBoolean)))
            progress.Report("configs", node.Name, change.ToString());
        // Once the swap has started it must finish or roll back on the node: a Ctrl+C does not cut it in half.
        var result = await node.Session!.ChangeAsync("activate configuration", NodeScripts.Activate(node.Plan, inventory.FrontendPort), CancellationToken.None);
        node.Staged = false;
        if (result.ExitCode == ScriptMarkers.ExitRolledBack)
            return Fail(node, $"the services did not come up with the new configuration; the previous configuration was restored and restarted: {Tail(result.StandardError)}");
        if (!result.Succeeded) return Fail(node, $"activating the configuration failed (exit {result.ExitCode}): {Tail(result.StandardError)}");
        ct.ThrowIfCancellationRequested();
        return true;
    }

    private async Task<bool> WaitHealthyAsync(List<NodeContext> nodes, NodeContext changed, CancellationToken ct)
    {
        var deadline = time.GetTimestamp() + (long)(options.HealthTimeoutOrDefault.TotalSeconds * time.TimestampFrequency);
        var last = "";
        while (true)
        {
            var probes = await Task.WhenAll(nodes.Where(n => n.Session is not null).Select(async n =>
                (Node: n, Result: await n.Session!.ReadAsync(HealthProbe.Description, HealthProbe.Script, ct))));
            var health = probes.ToDictionary(p => p.Node.Name, p => HealthProbe.Parse(p.Result.StandardOutput));
            var holders = health.Where(h => h.Value.Holds(inventory.Vip.Address)).Select(h => h.Key).ToList();
            var expected = ExpectedHolder(nodes, health);
            if (health[changed.Name].ServicesActive && holders.Count == 1 && (expected is null || holders[0] == expected))
            {
                progress.Report("rollout", changed.Name, $"healthy: keepalived and haproxy active, VIP on {holders[0]}");
                return true;
            }
            last = $"keepalived {health[changed.Name].KeepalivedState}, haproxy {health[changed.Name].HaproxyState}, VIP holders: {(holders.Count == 0 ? "none" : string.Join(", ", holders))}";
            if (time.GetTimestamp() > deadline)
                return Fail(changed, $"not healthy within {options.HealthTimeoutOrDefault.TotalSeconds:0} s ({last}); the rollout stopped here");
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, ct);
        }
    }

    /// <summary>
    /// With preempt, the settled VIP holder is the highest-priority node whose services are up; waiting for it
    /// (not just for any single holder) keeps a takeover that is still coming from happening after the next node's
    /// change. With nopreempt any single holder is settled.
    /// </summary>
    private string? ExpectedHolder(List<NodeContext> nodes, Dictionary<string, NodeHealth> health) =>
        VrrpElection.SettledHolder(inventory.Vrrp.Preempt, nodes.Where(n => health.TryGetValue(n.Name, out var h) && h.ServicesActive), n => n.Node.Priority)?.Name;

    private async Task DiscardStagedAsync(IReadOnlyList<NodeContext> nodes)
    {
        foreach (var node in nodes.Where(n => n.Staged && n.Session is not null))
        {
            await node.Session!.ChangeAsync("discard staged files", NodeScripts.Discard(FilesToStage(node)), CancellationToken.None);
            node.Staged = false;
        }
    }

    /// <summary>Runs one phase on the nodes in parallel (bounded); all must succeed for the run to go on.</summary>
    private async Task<bool> ForEachAsync(IReadOnlyList<NodeContext> nodes, string phase, Func<NodeContext, CancellationToken, Task<bool>> step, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var outcomes = await Task.WhenAll(nodes.Select(async node =>
        {
            await gate.WaitAsync(ct);
            var clock = Stopwatch.StartNew();
            try
            {
                return await GuardAsync(node, phase, () => step(node, ct));
            }
            finally
            {
                gate.Release();
                if (clock.ElapsedMilliseconds > 2000) progress.Report(phase, node.Name, $"took {clock.Elapsed.TotalSeconds:0.0} s");
            }
        }));
        return outcomes.All(ok => ok);
    }

    /// <summary>A node's step that throws (connection lost, timeout, anything) fails that node, never the process.</summary>
    private async Task<bool> GuardAsync(NodeContext node, string phase, Func<Task<bool>> step)
    {
        try
        {
            return await step();
        }
        catch (HostConnectionException e)
        {
            return Fail(node, e.Message.StartsWith(node.Name + ":", StringComparison.Ordinal) ? e.Message[(node.Name.Length + 1)..].Trim() : e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fail(node, $"{phase} failed: {_masker.Mask(e.Message)}");
        }
    }

    private bool Fail(NodeContext node, string message)
    {
        node.Outcome = NodeOutcome.Failed;
        node.Error = message;
        lock (_errors) _errors.Add($"{node.Name}: {message}");
        progress.Warn("error", node.Name, message);
        return false;
    }

    private static IReadOnlyList<RenderedFile> FilesToStage(NodeContext node) =>
        node.Plan is null ? [] : node.Plan.Of(ChangeKind.CreateFile, ChangeKind.UpdateFile).Select(c => node.Desired.File(c.Target)).ToList();

    private static bool NeedsActivation(NodeContext node) =>
        node.Plan!.Changes.Any(c => c.Kind is not (ChangeKind.InstallPackage or ChangeKind.AllowFirewall or ChangeKind.SetSelinuxBoolean));

    private static NodeContext Find(List<NodeContext> nodes, LbNode node) => nodes.First(n => n.Node == node);

    private static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join("\n", lines.TakeLast(8));
    }
}
