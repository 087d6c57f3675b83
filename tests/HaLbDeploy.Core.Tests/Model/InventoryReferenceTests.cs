using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>
/// docs/inventory-reference.md and the parser agree: every key the parser accepts has a row, every row names a key the
/// parser accepts, and every default the reference states is the one the code applies.
/// </summary>
public sealed partial class InventoryReferenceTests
{
    /// <summary>Every section and list present once (empty), so that the parser asks for every key it knows.</summary>
    private const string EverySection = """
        cluster: probe
        vips:
          - {}
        vrrp:
          auth: {}
          health_tracking: {}
        ssh: {}
        nodes:
          - ssh: {}
        frontend: {}
        backends:
          - {}
        health_check: {}
        timeouts: {}
        packages:
          files:
            - {}
          pin: {}
        metrics: {}
        retired_nodes:
          - ssh: {}
        frontends:
          - health_check: {}
            timeouts: {}
            backends:
              - {}
        backend_sets:
          - backends:
              - {}
        """;

    /// <summary>Only what is required, so everything else takes its default.</summary>
    private const string Minimal = """
        cluster: probe
        vip: 10.0.0.100/24
        interface: eth0
        nodes:
          - name: lb1
            address: 10.0.0.11
            priority: 100
        backends:
          - name: m1
            address: 10.0.0.21
        """;

    /// <summary>The keys with a default: what the code applies (read from a minimal inventory), and the InventoryDefaults member behind it.</summary>
    private static readonly (string Key, Func<Inventory, string> Applied, string? DefaultsMember)[] Defaults =
    [
        ("advert_int", i => Text((int)(i.AdvertInt.Milliseconds / 1000)), nameof(InventoryDefaults.AdvertIntSeconds)),
        ("vrrp.profile", i => i.Vrrp.Profile.ToString().ToLowerInvariant(), null),
        ("vrrp.mode", i => i.Vrrp.Mode.ToString().ToLowerInvariant(), null),
        ("vrrp.multicast_group", i => i.Vrrp.MulticastGroup.ToString(), nameof(InventoryDefaults.MulticastGroup)),
        ("vrrp.preempt", i => Text(i.Vrrp.Preempt), null),
        ("vrrp.strict", i => Text(i.Vrrp.Strict), null),
        ("vrrp.accept", i => Text(i.Vrrp.Accept), null),
        ("vrrp.garp_refresh", i => Text(i.Vrrp.GarpRefreshSeconds), nameof(InventoryDefaults.GarpRefreshSeconds)),
        ("vrrp.health_tracking.weight", i => Text(i.Vrrp.TrackWeight), nameof(InventoryDefaults.TrackWeight)),
        ("vrrp.health_tracking.interval", i => Text(i.Vrrp.TrackIntervalSeconds), nameof(InventoryDefaults.TrackIntervalSeconds)),
        ("vrrp.health_tracking.fall", i => Text(i.Vrrp.TrackFall), nameof(InventoryDefaults.TrackFall)),
        ("vrrp.health_tracking.rise", i => Text(i.Vrrp.TrackRise), nameof(InventoryDefaults.TrackRise)),
        ("ssh.user", i => i.Nodes[0].Ssh.User, nameof(InventoryDefaults.SshUser)),
        ("ssh.port", i => Text(i.Nodes[0].Ssh.Port), nameof(InventoryDefaults.SshPort)),
        ("ssh.become", i => Text(i.Nodes[0].Ssh.Become), null),
        ("ssh.identities_only", i => Text(i.Nodes[0].Ssh.IdentitiesOnly), null),
        ("ssh.known_hosts", i => i.Nodes[0].Ssh.KnownHostsPath.Replace("/home/tester", "~", StringComparison.Ordinal), nameof(InventoryDefaults.KnownHosts)),
        ("ssh.host_key_policy", i => i.Nodes[0].Ssh.HostKeyPolicy == HostKeyPolicy.Strict ? "strict" : "accept-new", null),
        ("ssh.connect_timeout", i => i.Nodes[0].Ssh.ConnectTimeout.ToString(), nameof(InventoryDefaults.SshConnectTimeout)),
        ("ssh.kex", i => i.Nodes[0].Ssh.Kex == KeyExchangePreference.PostQuantum ? "post-quantum" : "classic", null),
        ("nodes[].state", i => i.Nodes[0].InitialState.ToString().ToUpperInvariant(), null),
        ("frontend.port", i => Text(i.Frontends[0].Port), nameof(InventoryDefaults.FrontendPort)),
        ("backends[].port", i => Text(i.Frontends[0].Backends[0].Port), nameof(InventoryDefaults.BackendPort)),
        ("health_check.path", i => i.Frontends[0].HealthCheck.Path, nameof(InventoryDefaults.HealthCheckPath)),
        ("health_check.interval", i => i.Frontends[0].HealthCheck.Interval.ToString(), nameof(InventoryDefaults.HealthCheckInterval)),
        ("health_check.fall", i => Text(i.Frontends[0].HealthCheck.Fall), nameof(InventoryDefaults.HealthCheckFall)),
        ("health_check.rise", i => Text(i.Frontends[0].HealthCheck.Rise), nameof(InventoryDefaults.HealthCheckRise)),
        ("timeouts.connect", i => i.Timeouts.Connect.ToString(), nameof(InventoryDefaults.ConnectTimeout)),
        ("timeouts.client", i => i.Timeouts.Client.ToString(), nameof(InventoryDefaults.ClientTimeout)),
        ("timeouts.server", i => i.Timeouts.Server.ToString(), nameof(InventoryDefaults.ServerTimeout)),
        ("packages.source", i => i.Packages.Source.ToString().ToLowerInvariant(), nameof(InventoryDefaults.Packages)),
        // A frontend of the list written with name, port and backends only.
        ("frontends[].health_check.kind", i => ListedFrontend().HealthCheck.Kind.ToString().ToLowerInvariant(), null),
        ("frontends[].health_check.path", i => ListedFrontend().HealthCheck.Path, nameof(InventoryDefaults.HealthCheckPath)),
        ("frontends[].health_check.interval", i => ListedFrontend().HealthCheck.Interval.ToString(), nameof(InventoryDefaults.HealthCheckInterval)),
        ("frontends[].health_check.fall", i => Text(ListedFrontend().HealthCheck.Fall), nameof(InventoryDefaults.HealthCheckFall)),
        ("frontends[].health_check.rise", i => Text(ListedFrontend().HealthCheck.Rise), nameof(InventoryDefaults.HealthCheckRise)),
        ("frontends[].balance", i => ListedFrontend().Balance.ToString().ToLowerInvariant(), null),
        ("frontends[].send_proxy_v2", i => Text(ListedFrontend().SendProxyV2), null),
        // metrics is opt-in: its default applies once the section is there.
        ("metrics.bind", _ => Inventories.Load(Minimal + "\nmetrics:\n  port: 8405").Inventory!.Metrics!.Bind.ToString().ToLowerInvariant(), null),
    ];

    [Fact]
    public void The_probe_inventory_opens_every_section_and_list_the_parser_knows()
    {
        var keys = AcceptedKeys();

        foreach (var (key, kind) in keys.Where(k => k.Value != AcceptedKeyKind.Value))
        {
            var child = kind == AcceptedKeyKind.List ? key + "[]." : key + ".";
            Assert.True(keys.Keys.Any(k => k.StartsWith(child, StringComparison.Ordinal)), $"add `{key}` to {nameof(EverySection)}: its keys were never asked for");
        }
    }

    [Fact]
    public void Every_key_the_parser_accepts_has_a_row_in_the_reference()
    {
        var documented = ReferenceRows().Keys.ToHashSet(StringComparer.Ordinal);

        var missing = AcceptedKeys().Keys.Where(k => !documented.Contains(k) && !documented.Contains(NodeSshKeyAsTopLevel(k))).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"docs/inventory-reference.md has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_row_of_the_reference_names_a_key_the_parser_accepts()
    {
        var accepted = AcceptedKeys();

        var unknown = ReferenceRows().Keys.Where(k => !accepted.ContainsKey(k)).ToList();

        Assert.True(unknown.Count == 0, $"docs/inventory-reference.md documents keys the parser rejects: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_default_in_the_reference_is_the_one_the_code_applies()
    {
        var rows = ReferenceRows();
        var inventory = Inventories.Load(Minimal).Inventory ?? throw new InvalidOperationException("the minimal inventory does not load");

        foreach (var (key, applied, _) in Defaults)
        {
            Assert.True(rows.TryGetValue(key, out var row), $"docs/inventory-reference.md has no row for {key}");
            Assert.True(row == applied(inventory), $"{key}: the reference says the default is `{row}`, the code applies `{applied(inventory)}`");
        }
        var unchecked_ = rows.Where(r => r.Value is not null && !Defaults.Any(d => d.Key == r.Key)).Select(r => r.Key).ToList();
        Assert.True(unchecked_.Count == 0, $"rows with a default this test does not check yet (add them to {nameof(Defaults)}): {string.Join(", ", unchecked_)}");
    }

    [Fact]
    public void Every_member_of_InventoryDefaults_stands_behind_a_documented_default_of_the_same_value()
    {
        var inventory = Inventories.Load(Minimal).Inventory!;
        var members = typeof(InventoryDefaults).GetFields(BindingFlags.Public | BindingFlags.Static);

        foreach (var member in members)
        {
            var use = Defaults.Where(d => d.DefaultsMember == member.Name).ToList();
            Assert.True(use.Count > 0, $"InventoryDefaults.{member.Name} is not tied to any key of the reference");
            var value = member.GetValue(null) switch
            {
                Enum e => e.ToString().ToLowerInvariant(),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other?.ToString() ?? "",
            };
            foreach (var (key, applied, _) in use)
                Assert.True(value == applied(inventory), $"InventoryDefaults.{member.Name} is {value}, but {key} defaults to {applied(inventory)}");
        }
    }

    private static IReadOnlyDictionary<string, AcceptedKeyKind> AcceptedKeys()
    {
        var problems = new ProblemCollector("every-section.yaml", new SourceMap());
        var stream = new YamlStream();
        stream.Load(new StringReader(EverySection));
        new InventoryParser(problems, new FakeInventoryEnvironment(), "/inv", new InventoryLoadOptions()).Parse((YamlMappingNode)stream.Documents[0].RootNode);
        return problems.AcceptedKeys.All;
    }

    /// <summary>A node's `ssh:` takes the keys of the top-level `ssh:`; the reference lists them once.</summary>
    /// <summary>A node's (or retired node's) own ssh key is documented once, under `ssh` (its fingerprint under `nodes[].ssh`).</summary>
    private static string NodeSshKeyAsTopLevel(string key)
    {
        if (key.StartsWith("retired_nodes[].ssh.", StringComparison.Ordinal)) key = "nodes[]." + key["retired_nodes[].".Length..];
        if (key == "nodes[].ssh.host_key_fingerprint") return key;
        return key.StartsWith("nodes[].ssh.", StringComparison.Ordinal) ? key["nodes[].".Length..] : key;
    }

    /// <summary>The reference's table rows, | `key` | type | default | rule |, as key → default: the default cell's backticked value if it starts with one, else null.</summary>
    private static Dictionary<string, string?> ReferenceRows()
    {
        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepositoryRoot.Of("docs/inventory-reference.md")))
        {
            var match = Row().Match(line);
            if (!match.Success) continue;
            var defaultCell = match.Groups["default"].Value.Trim();
            var literal = DefaultLiteral().Match(defaultCell);
            Assert.True(rows.TryAdd(match.Groups["key"].Value, literal.Success ? literal.Groups["value"].Value : null), $"two rows for {match.Groups["key"].Value}");
        }
        Assert.True(rows.Count > 40, $"only {rows.Count} rows read from docs/inventory-reference.md: did the table format change?");
        return rows;
    }

    private static Frontend ListedFrontend() => Inventories.Load(Minimal.Replace("backends:", "frontends:\n  - name: api\n    port: 6443\n    backends:", StringComparison.Ordinal)
        .Replace("  - name: m1\n    address: 10.0.0.21", "      - name: m1\n        address: 10.0.0.21", StringComparison.Ordinal)).Inventory!.Frontends[0];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(bool value) => value ? "true" : "false";

    [GeneratedRegex(@"^\|\s*`(?<key>[a-z0-9_\[\].]+)`\s*\|(?<type>[^|]*)\|(?<default>[^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex(@"^`(?<value>[^`]+)`")]
    private static partial Regex DefaultLiteral();
}
