using System.Net;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// The rules that need the whole inventory: ranges, uniqueness, subnet fit and the keepalived traps
/// (8-character auth_pass, a tracking weight that can never move the VIP, nopreempt with MASTER, vrrp_strict),
/// and whether a `packages:` section can install anything.
/// Fields that already failed to parse are skipped so one mistake is reported once.
/// </summary>
public sealed class InventoryValidator(ProblemCollector problems)
{
    public const int MaxAuthSecretLength = 8;

    /// <summary>The haproxy section of the metrics listener (haproxy.cfg.liquid), which no frontend may be called.</summary>
    public const string MetricsFrontendName = "halb-metrics";

    /// <summary>VRRPv3's "Max Adver Int" field holds 12 bits of centiseconds (RFC 5798 §5.2.7): at most 40.95 s.</summary>
    public const int MaxVrrp3AdvertIntSeconds = 40;

    /// <summary>The same field's limit for the fast profile, which may use its last centiseconds: 4095 cs.</summary>
    public const int MaxVrrp3AdvertIntMilliseconds = 40_950;

    public void Validate(Model.Inventory inventory)
    {
        CheckRanges(inventory);
        CheckNodes(inventory);
        CheckRetiredNodes(inventory);
        CheckFrontends(inventory);
        if (inventory.VipList is { } vips) new VipListValidator(problems).Validate(inventory, vips);
        else CheckVip(inventory);
        CheckVrrp(inventory);
        CheckTimeouts(inventory);
        CheckPackages(inventory);
    }

    private void CheckRanges(Model.Inventory inventory)
    {
        if (!inventory.VirtualRouterIdDerived && inventory.VipList is null)
            Range("virtual_router_id", inventory.VirtualRouterId, 1, 255, "pick a number 1-255 unique on this L2 segment, or leave it out to derive one from the cluster name");
        CheckAdvertInt(inventory);
        if (inventory.Metrics is { } metrics && !problems.HasErrorAt("metrics.port"))
        {
            Range("metrics.port", metrics.Port, 1, 65535, "use a free TCP port, e.g. 8405");
            if (inventory.Frontends.FirstOrDefault(f => f.Port == metrics.Port) is { } frontend)
                problems.Error("port-clash", "metrics.port", $"{metrics.Port} is the port of frontend {frontend.Name}", "give the metrics listener a port of its own, e.g. 8405");
        }
    }

    private void CheckAdvertInt(Model.Inventory inventory)
    {
        if (problems.HasErrorAt("advert_int") || problems.HasErrorAt("vrrp.profile")) return;
        var milliseconds = inventory.AdvertInt.Milliseconds;
        var seconds = (milliseconds / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (inventory.Vrrp.Profile == VrrpProfile.Fast)
        {
            if (milliseconds is < 10 or > MaxVrrp3AdvertIntMilliseconds)
                problems.Error("out-of-range", "advert_int", $"{seconds} is outside what VRRP version 3 (the fast profile) can announce: its advert interval is 12 bits of centiseconds, 0.01-40.95 s (RFC 5798)",
                    "use 0.1 (seconds) for the fast profile");
            else
                new FastProfileFloor(problems).Check(inventory);
            return;
        }
        Range("advert_int", (int)Math.Min(int.MaxValue, milliseconds / 1000), 1, 255, "use 1 (seconds) unless you have a reason for slower adverts");
        if (inventory.Vrrp is { Strict: true, Accept: true } && milliseconds > MaxVrrp3AdvertIntSeconds * 1000L && !problems.HasErrorAt("advert_int"))
        {
            problems.Error("out-of-range", "advert_int", $"{seconds} is longer than VRRP version 3 (rendered for `strict` with `accept`) can announce: its advert interval is 12 bits of centiseconds, at most 40.95 s (RFC 5798)",
                $"use 1 (seconds), at most {MaxVrrp3AdvertIntSeconds}");
        }
    }

    private void CheckNodes(Model.Inventory inventory)
    {
        var nodes = inventory.Nodes;
        if (nodes.Count == 0 && !problems.HasErrorAt("nodes"))
            problems.Error("no-nodes", "nodes", "lists no LB node", "list at least two nodes with name, address and priority");
        if (nodes.Count == 1)
            problems.Warning("single-node", "nodes", "only one LB node: the VIP has nowhere to move", "add a second node for high availability");

        for (var i = 0; i < nodes.Count; i++)
            Range($"nodes[{i}].priority", nodes[i].Priority, 1, 254, "use 1-254; give every node a different priority, the highest wins");
        Unique(nodes, n => n.Name, i => $"nodes[{i}].name", "node name", "give every node its own name");
        Unique(nodes, n => n.Address.ToString(), i => $"nodes[{i}].address", "node address", "give every node its own address");
        Unique(nodes, n => n.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), i => $"nodes[{i}].priority", "priority",
            "give every node a different priority so the VIP holder is never decided by address order");
    }

    /// <summary>A retired node is no member: it must not also be listed (by address or name) under `nodes:`, nor twice.</summary>
    private void CheckRetiredNodes(Model.Inventory inventory)
    {
        var retired = inventory.Retired;
        Unique(retired, r => r.Address.ToString(), i => $"retired_nodes[{i}].address", "retired node address", "list each retired node once");
        for (var i = 0; i < retired.Count; i++)
        {
            var field = $"retired_nodes[{i}].address";
            if (problems.HasErrorAt(field)) continue;
            if (inventory.Nodes.FirstOrDefault(n => n.Address.Equals(retired[i].Address) || n.Name == retired[i].Name) is { } member)
                problems.Error("retired-node-in-nodes", field, $"{retired[i].Name} ({retired[i].Address}) is retired, but `nodes:` still lists {member.Name} ({member.Address})",
                    "remove the node from `nodes:` to retire it, or from `retired_nodes:` to keep it in the tier");
        }
    }

    /// <summary>
    /// Each frontend: its port in range and its own (per VIP: <see cref="FrontendBindingValidator"/>; not metrics', not the nodes' sshd's), its name
    /// unique (it names haproxy's sections), its check and its backends sound. A backend set shared by several
    /// frontends is judged once, where it is written.
    /// </summary>
    private void CheckFrontends(Model.Inventory inventory)
    {
        var frontends = inventory.Frontends;
        for (var i = 0; i < frontends.Count; i++)
        {
            var frontend = frontends[i];
            var fields = frontend.Fields;
            Range(fields.Port, frontend.Port, 1, 65535, "use the port clients connect to, e.g. 6443 for the Kubernetes API");
            if (frontend.Name == MetricsFrontendName)
                problems.Error("reserved-name", fields.Frontend + ".name", $"{MetricsFrontendName} is the metrics listener's haproxy section", "give the frontend another name");
            if (!problems.HasErrorAt(fields.Port) && inventory.Nodes.FirstOrDefault(n => n.Ssh.Port == frontend.Port) is { } sshNode)
                problems.Error("port-clash", fields.Port, $"{frontend.Port} is the SSH port of node {sshNode.Name}: haproxy's *:{frontend.Port} would collide with sshd", "give the frontend another port");
            CheckHealthCheck(frontend);
            if (frontends.Take(i).Any(f => f.Fields.Backends == fields.Backends)) continue;
            CheckBackends(frontend);
        }
        Unique(frontends, f => f.Name, i => frontends[i].Fields.Frontend + ".name", "frontend name", "give every frontend its own name (it names haproxy's frontend and backend sections)");
        new FrontendBindingValidator(problems).Validate(inventory);
    }

    private void CheckHealthCheck(Frontend frontend)
    {
        var field = frontend.Fields.HealthCheck;
        Range(field + ".fall", frontend.HealthCheck.Fall, 1, 100, "use 2 or 3");
        Range(field + ".rise", frontend.HealthCheck.Rise, 1, 100, "use 2 or 3");
        if (frontend.HealthCheck.Interval.Milliseconds < 100 && !problems.HasErrorAt(field + ".interval"))
            problems.Error("out-of-range", field + ".interval", $"{frontend.HealthCheck.Interval} is too short", "use 500ms to 2s");
    }

    private void CheckBackends(Frontend frontend)
    {
        var field = frontend.Fields.Backends;
        var backends = frontend.Backends;
        if (backends.Count == 0 && !problems.HasErrorAt(field))
            problems.Error("no-backends", field, "lists no API server", "list the control-plane nodes with name, address and port 6443");
        for (var i = 0; i < backends.Count; i++)
            Range($"{field}[{i}].port", backends[i].Port, 1, 65535, "use the API server port, normally 6443");
        Unique(backends, b => b.Name, i => $"{field}[{i}].name", "backend name", "give every backend its own name");
        Unique(backends, b => $"{b.Address}:{b.Port}", i => $"{field}[{i}].address", "backend address and port", "list each API server once");
    }

    private void CheckVip(Model.Inventory inventory)
    {
        if (problems.HasErrorAt("vip")) return;
        var vip = inventory.Vip;
        CheckVipIsAHostAddress(vip);
        for (var i = 0; i < inventory.Nodes.Count; i++)
        {
            var field = $"nodes[{i}].address";
            var node = inventory.Nodes[i];
            if (problems.HasErrorAt(field)) continue;
            if (node.Address.Equals(vip.Address))
                problems.Error("vip-is-node-address", field, $"{node.Address} is the VIP itself", "give the VIP an unused address of the subnet");
            else if (!vip.SharesSubnetWith(node.Address))
                problems.Error("node-outside-vip-subnet", field, $"{node.Address} is outside the VIP's subnet {vip}",
                    "put the VIP in the subnet of the nodes' interface, or fix the VIP prefix length");
        }
        foreach (var frontend in inventory.Frontends.DistinctBy(f => f.Fields.Backends))
        {
            for (var i = 0; i < frontend.Backends.Count; i++)
            {
                var field = $"{frontend.Fields.Backends}[{i}].address";
                if (!problems.HasErrorAt(field) && YamlSection.TryParseIPv4(frontend.Backends[i].Address, out var address) && address.Equals(vip.Address))
                    problems.Error("vip-is-backend-address", field, $"{address} is the VIP itself", "the VIP must be an address no host owns");
            }
        }
    }

    /// <summary>In a subnet of 4 or more addresses the first names the network and the last is its broadcast address: neither can be the VIP (/31 and /32 have no such addresses, RFC 3021).</summary>
    private void CheckVipIsAHostAddress(VirtualIp vip)
    {
        if (vip.PrefixLength > 30) return;
        if (vip.Address.Equals(vip.NetworkAddress))
            problems.Error("vip-is-network-address", "vip", $"{vip} is the network address of its subnet, not an address a host can hold", $"pick an unused address between {vip.NetworkAddress} and {vip.BroadcastAddress}, or fix the prefix length");
        else if (vip.Address.Equals(vip.BroadcastAddress))
            problems.Error("vip-is-broadcast-address", "vip", $"{vip} is the broadcast address of its subnet, not an address a host can hold", $"pick an unused address between {vip.NetworkAddress} and {vip.BroadcastAddress}, or fix the prefix length");
    }

    private void CheckVrrp(Model.Inventory inventory)
    {
        var vrrp = inventory.Vrrp;
        if (vrrp.AuthSecret is { } secret && secret.Length > MaxAuthSecretLength)
        {
            problems.Error("auth-secret-too-long", AuthField(), $"the VRRP secret has {secret.Length} characters; keepalived uses only the first {MaxAuthSecretLength} and silently drops the rest",
                $"use a secret of at most {MaxAuthSecretLength} characters");
        }
        if (vrrp.AuthSecret is { } written && written.Reveal().Any(c => c is '"' or '\\' || c < ' ' || c > '~'))
        {
            problems.Error("auth-secret-characters", AuthField(), "the VRRP secret contains a quote, a backslash or a character outside printable ASCII, which keepalived.conf cannot carry",
                "use letters, digits and punctuation other than \" and \\");
        }
        if (vrrp.Strict && vrrp.Mode == VrrpMode.Unicast)
            problems.Error("strict-with-unicast", "vrrp.strict", "vrrp_strict forbids unicast peers (keepalived.conf(5))", "set `mode: multicast` or leave `strict` off (recommended)");
        if (vrrp.Strict && vrrp.AuthSecret is not null)
            problems.Error("strict-with-auth", "vrrp.strict", "vrrp_strict forbids VRRP authentication (keepalived.conf(5))", "remove `auth:` or leave `strict` off (recommended)");
        if (vrrp.Profile == VrrpProfile.Fast && vrrp.AuthSecret is not null)
            problems.Error("fast-with-auth", AuthField(), "the fast profile sends VRRP version 3, which has no authentication (RFC 5798): keepalived would ignore the secret",
                "remove `auth:` for the fast profile (VRRP's PASS secret travels in clear anyway: keep VRRP on a segment of its own, and let firewalld allow it only from the peers), or use the default profile");
        if (vrrp.Mode == VrrpMode.Multicast && !IsMulticast(vrrp.MulticastGroup))
            problems.Error("bad-multicast-group", "vrrp.multicast_group", $"{vrrp.MulticastGroup} is not a multicast address", "use 224.0.0.18 (the VRRP group) or another 224.0.0.0/4 address");
        if (vrrp.Strict && !vrrp.Accept)
            problems.Error("strict-without-accept", "vrrp.strict", "vrrp_strict without accept makes the VIP holder drop all traffic to the VIP",
                "set `accept: true` beside `strict: true`, or better leave `strict` off");
        if (!vrrp.Preempt)
        {
            for (var i = 0; i < inventory.Nodes.Count; i++)
            {
                if (inventory.Nodes[i].InitialState == VrrpInitialState.Master)
                    problems.Error("nopreempt-with-master", $"nodes[{i}].state", "keepalived ignores nopreempt on a node that starts as MASTER",
                        "remove `state: MASTER` (all nodes start BACKUP) or set `vrrp.preempt: true`");
            }
        }
        CheckTrackWeight(inventory);
        Range("vrrp.health_tracking.interval", vrrp.TrackIntervalSeconds, 1, 60, "use 1 or 2 (seconds)");
        Range("vrrp.health_tracking.fall", vrrp.TrackFall, 1, 100, "use 2");
        Range("vrrp.health_tracking.rise", vrrp.TrackRise, 1, 100, "use 2");
        Range("vrrp.garp_refresh", vrrp.GarpRefreshSeconds, 0, 3600, "use 10 (seconds), or 0 to announce only on becoming MASTER");
        new PreemptDelayCheck(problems).Check(inventory);

        string AuthField() => vrrp.AuthSecret!.Origin switch
        {
            var o when o.StartsWith("env", StringComparison.Ordinal) => "vrrp.auth.secret_env",
            var o when o.StartsWith("file", StringComparison.Ordinal) => "vrrp.auth.secret_file",
            _ => "vrrp.auth.secret",
        };
    }

    /// <summary>
    /// With a negative weight, a node whose haproxy dies only loses the VIP when its lowered priority falls below
    /// the next node's. If the weight is smaller than the largest gap between neighbouring priorities, the VIP never
    /// moves for that pair (the recipe's 100/90/80 with weight -2).
    /// </summary>
    private void CheckTrackWeight(Model.Inventory inventory)
    {
        const string field = "vrrp.health_tracking.weight";
        var weight = inventory.Vrrp.TrackWeight;
        if (problems.HasErrorAt(field) || weight == 0) return;
        if (weight > 0)
        {
            problems.Error("track-weight-positive", field, $"a positive weight ({weight}) raises healthy nodes instead of lowering a failed one",
                "use `weight: 0` (a failed node goes to FAULT and releases the VIP) or a negative weight larger than the priority gaps");
            return;
        }
        foreach (var vip in inventory.Vips)
            CheckTrackWeight(field, weight, inventory.Nodes.Select(vip.PriorityOf), vip.Shorthand ? "" : $" for VIP {vip.Name}");
    }

    private void CheckTrackWeight(string field, int weight, IEnumerable<int> nodePriorities, string forVip)
    {
        var priorities = nodePriorities.Distinct().OrderDescending().ToList();
        if (priorities.Count < 2 || problems.HasErrorAt(field)) return;
        var gaps = priorities.Zip(priorities.Skip(1), (high, low) => (High: high, Low: low, Gap: high - low)).ToList();
        var widest = gaps.MaxBy(g => g.Gap);
        if (-weight <= widest.Gap)
        {
            problems.Error("track-weight-cannot-move-vip", field,
                $"weight {weight} can never move the VIP{forVip}: a node with priority {widest.High} whose haproxy dies drops only to {widest.High + weight}, still above {widest.Low}",
                $"use `weight: 0` (recommended), or a weight below -{widest.Gap} such as {-(widest.Gap + 1)}");
        }
    }

    private void CheckTimeouts(Model.Inventory inventory)
    {
        var minimum = Duration.FromSeconds(30);
        foreach (var (name, value) in new[] { ("client", inventory.Timeouts.Client), ("server", inventory.Timeouts.Server) })
        {
            var field = $"timeouts.{name}";
            if (problems.HasErrorAt(field)) continue;
            if (value.Milliseconds <= 0)
                problems.Error("out-of-range", field, "must be longer than 0", "use 15m");
            else if (value.Milliseconds < minimum.Milliseconds)
                problems.Warning("timeout-too-short", field, $"{value} cuts idle `kubectl logs -f` and `exec` sessions", "use at least 35s; 15m suits long streams");
        }
        if (inventory.Timeouts.Connect.Milliseconds <= 0 && !problems.HasErrorAt("timeouts.connect"))
            problems.Error("out-of-range", "timeouts.connect", "must be longer than 0", "use 5s");
    }

    private void CheckPackages(Model.Inventory inventory)
    {
        var packages = inventory.Packages;
        if (problems.HasErrorAt("packages.source") || problems.HasErrorAt("packages.files") && packages.Files.Count == 0) return;
        if (packages.Source == PackageSource.Files && packages.Pins.Count > 0)
            problems.Error("pin-with-files", "packages.pin", "pins versions, but `source` is files: the files decide the versions there",
                "remove `pin:`, or use `source: repository` (the nodes' repositories must then offer the pinned versions)");
        if (packages.Source == PackageSource.Repository)
        {
            if (packages.Files.Count > 0)
                problems.Error("package-files-unused", "packages.files", "lists package files, but `source` is repository, so they would not be used",
                    "add `source: files` under `packages:`, or remove the list");
            return;
        }
        if (packages.Files.Count == 0)
        {
            problems.Error("no-package-files", "packages.source", "is files, but no package file is listed",
                "list keepalived, haproxy and their dependencies under `files:` as `- path: FILE.deb` (or .rpm)");
            return;
        }
        Unique(packages.Files, f => f.FileName, i => $"packages.files[{i}].path", "package file name",
            "the files land in one directory on the node: list each file once, and give different files different names");
        foreach (var format in packages.Files.Where(f => f.FileName.Length > 0).Select(f => f.Format).Distinct())
        {
            foreach (var package in NodePlanner.Packages)
            {
                if (!packages.FilesOf(format).Any(f => IsFileOf(package, f)))
                    problems.Warning("package-file-missing", "packages.files", $"no {package} .{format.ToString().ToLowerInvariant()} file is listed",
                        $"add the {package} package file (its name starts with `{package}{(format == PackageFormat.Deb ? "_" : "-")}`), or install {package} on those nodes beforehand");
            }
        }
    }

    /// <summary>Debian names files NAME_VERSION_ARCH.deb, RPM NAME-VERSION-RELEASE.ARCH.rpm.</summary>
    private static bool IsFileOf(string package, PackageFile file) => file.Format == PackageFormat.Deb
        ? file.FileName.StartsWith(package + "_", StringComparison.Ordinal)
        : file.FileName.StartsWith(package + "-", StringComparison.Ordinal) && file.FileName.Length > package.Length + 1 && char.IsAsciiDigit(file.FileName[package.Length + 1]);

    private static bool IsMulticast(IPAddress address) => address.GetAddressBytes()[0] is >= 224 and <= 239;

    private void Range(string field, int value, int min, int max, string fix)
    {
        if (problems.HasErrorAt(field)) return;
        if (value < min || value > max)
            problems.Error("out-of-range", field, $"{value} is outside {min}-{max}", fix);
    }

    private void Unique<T>(IReadOnlyList<T> items, Func<T, string> key, Func<int, string> field, string what, string fix)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = field(i);
            var value = key(items[i]);
            if (problems.HasErrorAt(path) || value.Length == 0) continue;
            if (firstIndex.TryGetValue(value, out var first))
            {
                var at = problems.SourceMap.Find(field(first));
                problems.Error("duplicate", path, $"{what} '{value}' is already used at line {at.Line}", fix);
            }
            else
            {
                firstIndex[value] = i;
            }
        }
    }
}
