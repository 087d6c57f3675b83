using System.Net;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Packages;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.SshConfig;
using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Turns the YAML document into a typed <see cref="Inventory"/>, reporting shape problems (unknown or missing
/// keys, wrong types, bad addresses) with their positions. Fields that fail get placeholder values and an error,
/// so later rules can skip them and the user still sees every problem in one run.
/// </summary>
internal sealed class InventoryParser(ProblemCollector problems, IInventoryEnvironment environment, string inventoryDirectory, InventoryLoadOptions options)
{
    private readonly LocalPathResolver _paths = new(environment, inventoryDirectory);
    private string? _sshConfigWritten;
    private SshConfigOverlay? _overlay;

    private SshConfigOverlay _sshConfigOverlay => _overlay ??= new SshConfigOverlay(problems, environment.FullPath, environment.HomeDirectory);

    public Inventory Parse(YamlMappingNode root)
    {
        var doc = new YamlSection(root, "", problems);
        var cluster = doc.String("cluster", required: true, fix: "add `cluster: NAME`, e.g. `cluster: prod-api`") ?? "";
        CheckName(doc.FieldPath("cluster"), cluster);
        var vipList = doc.Has("vips") ? doc.List("vips") : null;
        var vip = vipList is null ? ParseVip(doc) : new VirtualIp(IPAddress.None, 32);
        if (vipList is not null && doc.Has("vip"))
            problems.Error("vip-and-vips", "vip", "is written beside `vips:`", "write every VIP as an entry of `vips:` and remove `vip:` (it is the shorthand for a single VIP)");
        var defaultInterface = doc.String("interface");
        if (defaultInterface is not null) CheckInterface(doc.FieldPath("interface"), defaultInterface);
        var routerId = doc.Int("virtual_router_id");
        var writtenAdvertInt = ParseAdvertInt(doc);
        var vrrp = ParseVrrp(doc.Section("vrrp"), writtenAdvertInt);
        var advertInt = writtenAdvertInt ?? (vrrp.Profile == VrrpProfile.Fast ? FastProfileDefaults.AdvertInt : Duration.FromSeconds(InventoryDefaults.AdvertIntSeconds));
        var sshSection = doc.Section("ssh");
        var sshDefaults = ParseSsh(sshSection, Defaults(), isNode: false);
        var sshConfig = new SshConfigSelection(problems, environment, _paths).Load(options.SshConfig, _sshConfigWritten);
        var nodes = doc.List("nodes", required: true, fix: "add a `nodes:` list with at least two LB nodes (name, address, priority)")
            .Select(n => ParseNode(n, defaultInterface, sshDefaults, sshConfig, sshSection))
            .ToList();
        var frontends = ParseFrontends(doc);
        var timeouts = ParseTimeouts(doc.Section("timeouts"));
        var packages = ParsePackages(doc.Section("packages"));
        var metrics = ParseMetrics(doc.Section("metrics"));
        var probeFrom = ParseProbeFrom(doc, nodes);
        var retired = doc.List("retired_nodes").Select(r => ParseRetiredNode(r, sshDefaults)).ToList();
        doc.Allow("vip");
        doc.Allow("vips");
        var vips = vipList is null ? null : new VipListParser(problems).Parse(vipList, routerId ?? VirtualRouterIdDeriver.Derive(cluster));
        if (vipList is { Count: 0 })
            problems.Error("no-vips", "vips", "lists no VIP", "list at least one VIP with name and address, e.g. `- name: api` / `address: 10.211.0.106/24`");
        if (vips is { Count: > 0 }) vip = vips[0].Address;
        doc.RejectUnknownKeys();

        return new Inventory(
            SourcePath: problems.File,
            ClusterName: cluster,
            Vip: vip,
            DefaultInterface: defaultInterface ?? "",
            VirtualRouterId: vips is { Count: > 0 } ? vips[0].VirtualRouterId : routerId ?? VirtualRouterIdDeriver.Derive(cluster),
            VirtualRouterIdDerived: vips is { Count: > 0 } ? vips[0].VirtualRouterIdDerived : routerId is null,
            AdvertInt: advertInt,
            Vrrp: vrrp,
            Nodes: nodes,
            Frontends: frontends,
            Timeouts: timeouts,
            Packages: packages,
            Metrics: metrics,
            ProbeFrom: probeFrom,
            RetiredNodes: retired,
            VipList: vips);
    }

    /// <summary>A `retired_nodes` entry: its address, and optionally a name and SSH settings of its own (the top-level ones otherwise).</summary>
    private RetiredNode ParseRetiredNode(YamlSection entry, SshSettings sshDefaults)
    {
        var address = entry.Address("address", required: true, fix: "add `address: IP` (the retired node's address, as it was under `nodes:`)") ?? IPAddress.None;
        var name = entry.String("name");
        if (name is not null) CheckName(entry.FieldPath("name"), name);
        var ssh = ParseSsh(entry.Section("ssh"), sshDefaults, isNode: true);
        entry.RejectUnknownKeys();
        return new RetiredNode(name ?? address.ToString(), address, ssh);
    }

    private MetricsSettings? ParseMetrics(YamlSection? section)
    {
        if (section is null) return null;
        var port = section.Int("port", required: true, fix: "add `port: 8405` (any free TCP port; Prometheus scrapes every node on it)") ?? 0;
        var bind = section.String("bind") switch
        {
            null or "node" => MetricsBind.Node,
            "all" => MetricsBind.All,
            var other => Invalid(section.FieldPath("bind"), $"{ShownText.Quote(other)} is not a metrics bind",
                "write `bind: node` (the node's own address, the default) or `bind: all` (every address, the VIP too)", MetricsBind.Node),
        };
        section.RejectUnknownKeys();
        return new MetricsSettings(port, bind);
    }

    /// <summary>`probe_from`: an LB node's name or a host [user@]host[:port] (see <see cref="ProbeOrigin"/>).</summary>
    private string? ParseProbeFrom(YamlSection doc, IReadOnlyList<LbNode> nodes)
    {
        var text = doc.String("probe_from");
        if (text is null || nodes.Any(n => n.Name == text) || SshHopSyntax.Parse(text.Trim()).Hop is not null) return text;
        problems.Error("bad-probe-from", "probe_from", $"{ShownText.Quote(text)} is neither a node of the inventory nor a host [user@]host[:port]: {SshHopSyntax.Parse(text.Trim()).Problem}",
            "write a node's name (e.g. `probe_from: lb1`) or the bastion as a hop (e.g. `probe_from: jump@10.211.0.10`)");
        return null;
    }

    private VirtualIp ParseVip(YamlSection doc)
    {
        var none = new VirtualIp(IPAddress.None, 32);
        var text = doc.String("vip", required: true, fix: "add `vip: ADDRESS/PREFIX`, e.g. `vip: 192.168.88.201/24`");
        if (text is null) return none;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            problems.Error("vip-without-prefix", "vip", $"{ShownText.Quote(text)} has no prefix length", $"write it with the subnet's prefix, e.g. `vip: {text}/24`");
            return none;
        }
        var (addressText, prefixText) = (text[..slash], text[(slash + 1)..]);
        var prefixOk = InventoryPatterns.PrefixLength().IsMatch(prefixText);
        if (prefixOk && !YamlSection.TryParseIPv4(addressText, out _) && YamlSection.WithoutLeadingZeros(addressText) is { } meant)
        {
            problems.Error("bad-cidr", "vip", $"{ShownText.Quote(text)} has a number with a leading zero, which some tools read as octal (010 is 8)", $"write `vip: {meant}/{prefixText}`");
            return none;
        }
        if (!YamlSection.TryParseIPv4(addressText, out var address) || !prefixOk)
        {
            problems.Error("bad-cidr", "vip", $"{ShownText.Quote(text)} is not an IPv4 address with a prefix length 1-32", "write it like `vip: 192.168.88.201/24`");
            return none;
        }
        return new VirtualIp(address, int.Parse(prefixText, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// `advert_int` in seconds as keepalived writes it: a whole number (VRRP version 2), or with up to two decimals
    /// (`0.1`, VRRP version 3 counts centiseconds); `100ms` is read as 0.1 too. Null when not written or not readable.
    /// </summary>
    private Duration? ParseAdvertInt(YamlSection doc)
    {
        var text = doc.String("advert_int");
        if (text is null) return null;
        var trimmed = text.Trim();
        var match = InventoryPatterns.AdvertInt().Match(trimmed);
        if (match.Success)
        {
            var whole = long.Parse(match.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var fraction = match.Groups["f"].Value.PadRight(2, '0');
            return new Duration(whole * 1000 + (fraction.Length == 0 ? 0 : int.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture) * 10));
        }
        if (trimmed.EndsWith("ms", StringComparison.Ordinal) && Duration.TryParse(trimmed, out var ms) && ms.Milliseconds % 10 == 0)
            return ms;
        problems.Error("bad-advert-int", "advert_int", $"{ShownText.Quote(text)} is not an advert interval keepalived can send",
            "write whole seconds (`advert_int: 1`), or seconds in centisecond steps for the fast profile (`advert_int: 0.1`, which needs VRRP version 3)");
        return null;
    }

    /// <summary>`vrrp.profile`: default or fast; an advert interval that is not whole seconds makes it fast (only VRRP version 3 can carry it).</summary>
    private VrrpProfile ParseProfile(YamlSection? section, Duration? advertInt)
    {
        var written = section?.String("profile") switch
        {
            null => (VrrpProfile?)null,
            "default" => VrrpProfile.Default,
            "fast" => VrrpProfile.Fast,
            var other => Invalid(section!.FieldPath("profile"), $"{ShownText.Quote(other)} is not a VRRP profile",
                "write `profile: fast` (VRRP version 3, sub-second adverts) or `profile: default` (keepalived's defaults), or leave it out", (VrrpProfile?)null),
        };
        var subSecond = advertInt is { } a && a.Milliseconds % 1000 != 0;
        if (written == VrrpProfile.Default && subSecond)
        {
            problems.Error("profile-advert-int-mismatch", "vrrp.profile", $"the default profile sends VRRP version 2, which counts advert_int in whole seconds, but advert_int is {advertInt!.Value.AsTimeSpan.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s",
                "write `profile: fast` (or leave `profile` out) for a sub-second advert_int, or a whole number of seconds");
        }
        return written ?? (subSecond ? VrrpProfile.Fast : VrrpProfile.Default);
    }

    private VrrpSettings ParseVrrp(YamlSection? section, Duration? advertInt)
    {
        var profile = ParseProfile(section, advertInt);
        var defaultFall = profile == VrrpProfile.Fast ? FastProfileDefaults.TrackFall : InventoryDefaults.TrackFall;
        if (section is null)
        {
            return new VrrpSettings(VrrpMode.Unicast, InventoryDefaults.MulticastGroup, null, Preempt: true, Strict: false, Accept: false,
                InventoryDefaults.TrackWeight, InventoryDefaults.TrackIntervalSeconds, defaultFall, InventoryDefaults.TrackRise, InventoryDefaults.GarpRefreshSeconds, profile);
        }
        var mode = section.String("mode") switch
        {
            null or "unicast" => VrrpMode.Unicast,
            "multicast" => VrrpMode.Multicast,
            var other => Invalid(section.FieldPath("mode"), $"{ShownText.Quote(other)} is not a VRRP mode", "write `mode: unicast` or `mode: multicast`", VrrpMode.Unicast),
        };
        var group = section.Address("multicast_group") ?? InventoryDefaults.MulticastGroup;
        var preempt = section.Bool("preempt") ?? true;
        var strict = section.Bool("strict") ?? false;
        var accept = section.Bool("accept") ?? false;
        var garpRefresh = section.Int("garp_refresh") ?? InventoryDefaults.GarpRefreshSeconds;
        var preemptDelay = section.Int("preempt_delay");
        var secret = new VrrpAuthParser(problems, environment, _paths, options.AllowSecretPlaceholder).Parse(section.Section("auth", confidential: true));
        var tracking = section.Section("health_tracking");
        var weight = tracking?.Int("weight") ?? InventoryDefaults.TrackWeight;
        var interval = tracking?.Int("interval") ?? InventoryDefaults.TrackIntervalSeconds;
        var fall = tracking?.Int("fall") ?? defaultFall;
        var rise = tracking?.Int("rise") ?? InventoryDefaults.TrackRise;
        tracking?.RejectUnknownKeys();
        section.RejectUnknownKeys();
        return new VrrpSettings(mode, group, secret, preempt, strict, accept, weight, interval, fall, rise, garpRefresh, profile, preemptDelay);
    }

    private SshSettings ParseSsh(YamlSection? section, SshSettings inherited, bool isNode)
    {
        if (section is null) return inherited;
        var user = section.String("user") ?? inherited.User;
        if (!InventoryPatterns.UserName().IsMatch(user))
            problems.Error("bad-user", section.FieldPath("user"), $"{ShownText.Quote(user)} is not a valid user name", "use lower-case letters, digits, _ . and -, starting with a letter or _");
        var port = section.Int("port") ?? inherited.Port;
        if (port is < 1 or > 65535)
            problems.Error("out-of-range", section.FieldPath("port"), $"{port} is outside 1-65535", "use the node's sshd port, normally 22");
        var key = LocalPath(section, "private_key") ?? inherited.PrivateKeyPath;
        var passphraseEnv = EnvName(section, "private_key_passphrase_env") ?? inherited.PrivateKeyPassphraseEnv;
        var passwordEnv = EnvName(section, "password_env") ?? inherited.PasswordEnv;
        var becomeExplicit = section.Bool("become");
        var become = becomeExplicit ?? (section.Has("user") ? user != "root" : inherited.Become);
        var ownBecomePasswordEnv = EnvName(section, "become_password_env");
        if (ownBecomePasswordEnv is not null && environment.GetVariable(ownBecomePasswordEnv) is { } sudoPassword && sudoPassword.AsSpan().IndexOfAny('\n', '\r') >= 0)
            problems.Error("multiline-sudo-password", section.FieldPath("become_password_env"), $"environment variable {ownBecomePasswordEnv} holds a line break",
                "sudo reads a password only up to the first line break: set the variable to the password alone, on one line");
        var becomePasswordEnv = ownBecomePasswordEnv ?? inherited.BecomePasswordEnv;
        var knownHosts = LocalPath(section, "known_hosts") ?? inherited.KnownHostsPath;
        var policy = section.String("host_key_policy") switch
        {
            null => inherited.HostKeyPolicy,
            "strict" => HostKeyPolicy.Strict,
            "accept-new" => HostKeyPolicy.AcceptNew,
            var other => Invalid(section.FieldPath("host_key_policy"), $"{ShownText.Quote(other)} is not a host key policy", "write `host_key_policy: strict` or `host_key_policy: accept-new`", inherited.HostKeyPolicy),
        };
        var timeout = section.Duration("connect_timeout", "10s") ?? inherited.ConnectTimeout;
        if (timeout.Milliseconds <= 0 && section.Has("connect_timeout"))
            problems.Error("out-of-range", section.FieldPath("connect_timeout"), "must be longer than 0", "use 10s");
        string? fingerprint = null;
        if (isNode)
        {
            fingerprint = section.String("host_key_fingerprint");
            if (fingerprint is not null && !InventoryPatterns.Fingerprint().IsMatch(fingerprint))
            {
                problems.Error("bad-fingerprint", section.FieldPath("host_key_fingerprint"), $"{ShownText.Quote(fingerprint)} is not a SHA256 host key fingerprint",
                    "copy it from `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the node, e.g. SHA256:abc…(43 characters)");
                fingerprint = null;
            }
        }
        var agent = section.Bool("agent") ?? inherited.Agent;
        var identitiesOnly = section.Bool("identities_only") ?? inherited.IdentitiesOnly;
        var certificate = LocalPath(section, "certificate") ?? inherited.CertificatePath;
        var proxyJump = new SshHopParser(problems, LocalPath).Parse(section) ?? inherited.ProxyJump;
        var kex = section.String("kex") switch
        {
            null => inherited.Kex,
            "post-quantum" => KeyExchangePreference.PostQuantum,
            "classic" => KeyExchangePreference.Classic,
            var other => Invalid(section.FieldPath("kex"), $"{ShownText.Quote(other)} is not a key exchange preference", "write `kex: post-quantum` (the default) or `kex: classic`", inherited.Kex),
        };
        if (!isNode) _sshConfigWritten = section.String("config");
        section.RejectUnknownKeys();
        return new SshSettings(user, port, key, passphraseEnv, passwordEnv, become, becomePasswordEnv, knownHosts, policy, timeout, fingerprint,
            agent, identitiesOnly, certificate, inherited.HostName, proxyJump, inherited.SshConfigOrigin, kex);
    }

    private LbNode ParseNode(YamlSection node, string? defaultInterface, SshSettings sshDefaults, SshConfigDocument? sshConfig, YamlSection? sshSection)
    {
        var name = node.String("name", required: true, fix: "add `name: lb1`") ?? "";
        CheckName(node.FieldPath("name"), name);
        var address = node.Address("address", required: true, fix: "add `address: IP` (the node's address on the VIP's subnet)") ?? IPAddress.None;
        var address6 = ParseAddress6(node);
        var priority = node.Int("priority", required: true, fix: "add `priority: N` (1-254, the highest wins the VIP)") ?? 0;
        var iface = node.String("interface");
        if (iface is not null) CheckInterface(node.FieldPath("interface"), iface);
        else if (defaultInterface is null)
            problems.Error("missing-field", node.FieldPath("interface"), "no interface for this node and no top-level `interface:`",
                "add `interface: NAME` at the top level (e.g. ens160) or on this node");
        var state = node.String("state") switch
        {
            null or "BACKUP" or "backup" => VrrpInitialState.Backup,
            "MASTER" or "master" => VrrpInitialState.Master,
            var other => Invalid(node.FieldPath("state"), $"{ShownText.Quote(other)} is not a VRRP start state", "write `state: BACKUP` (recommended) or `state: MASTER`", VrrpInitialState.Backup),
        };
        var nodeSsh = node.Section("ssh");
        var inherited = sshDefaults;
        if (sshConfig is not null && !problems.HasErrorAt(node.FieldPath("address")))
        {
            var placeholder = new LbNode(name, address, priority, "", state, sshDefaults);
            bool Written(string key) => sshSection?.Has(key) == true || nodeSsh?.Has(key) == true;
            inherited = _sshConfigOverlay.Apply(sshDefaults, sshConfig.Resolve([address.ToString(), name]), placeholder, Written, node.FieldPath("ssh"));
        }
        var ssh = ParseSsh(nodeSsh, inherited, isNode: true);
        CheckJumpLoop(node.FieldPath("ssh.proxy_jump"), name, ssh.HostName ?? address.ToString(), ssh);
        node.RejectUnknownKeys();
        return new LbNode(name, address, priority, iface ?? defaultInterface ?? "", state, ssh, address6);
    }

    /// <summary>`address6`: the node's global or unique-local IPv6 address, used as VRRP source and peer of IPv6 VIPs in unicast mode.</summary>
    private IPAddress? ParseAddress6(YamlSection node)
    {
        var text = node.String("address6");
        if (text is null) return null;
        if (YamlSection.TryParseIPv6(text, out var address) && !address.IsIPv6LinkLocal) return address;
        problems.Error("bad-address", node.FieldPath("address6"), $"{ShownText.Quote(text)} is not a global or unique-local IPv6 address",
            "write the node's IPv6 address without a prefix, e.g. `address6: fd00:211::11` (not a link-local fe80:: address)");
        return null;
    }

    /// <summary>A chain that passes the node itself, or one bastion twice, would go round in a circle.</summary>
    private void CheckJumpLoop(string field, string name, string host, SshSettings ssh)
    {
        if (ssh.ProxyJump is not { Count: > 0 } hops) return;
        var seen = new HashSet<(string, int)>();
        foreach (var hop in hops)
        {
            if (hop.Host.Equals(host, StringComparison.OrdinalIgnoreCase) && hop.Port == ssh.Port)
                problems.Error("proxy-jump-loop", field, $"node {name} ({host}) is a hop on its own way ({string.Join(" -> ", hops)}): a loop",
                    "remove the node from its proxy_jump, or write `proxy_jump: none` on it (a bastion reached directly)");
            else if (!seen.Add((hop.Host.ToLowerInvariant(), hop.Port)))
                problems.Error("proxy-jump-loop", field, $"{hop.Host}:{hop.Port} appears twice in the way to node {name} ({string.Join(" -> ", hops)}): a loop",
                    "list each bastion once, first dialled first");
            else continue;
            return;
        }
    }

    private int ParseFrontend(YamlSection? section)
    {
        if (section is null) return InventoryDefaults.FrontendPort;
        var port = section.Int("port") ?? InventoryDefaults.FrontendPort;
        section.RejectUnknownKeys();
        return port;
    }

    /// <summary>
    /// The `frontends:` list, or else the one-frontend shorthand (`frontend:`, `backends:`, `health_check:`), which
    /// stays exactly what it was: the frontend <see cref="Frontend.ShorthandName"/> with its backends' port 6443 by default.
    /// </summary>
    private IReadOnlyList<Frontend> ParseFrontends(YamlSection doc)
    {
        var listed = doc.Has("frontends");
        var port = ParseFrontend(doc.Section("frontend"));
        var backends = doc.List("backends", required: !listed, fix: "add a `backends:` list of API servers (name, address, port), or a `frontends:` list")
            .Select(b => ParseBackend(b, InventoryDefaults.BackendPort))
            .ToList();
        var healthCheck = ParseHealthCheck(doc.Section("health_check"), kindAllowed: false);
        if (!listed)
            return [new Frontend(Frontend.ShorthandName, port, backends, null, healthCheck, BalanceAlgorithm.RoundRobin, FrontendTimeouts.Inherited, false, FrontendFields.Shorthand)];
        foreach (var key in new[] { "frontend", "backends", "health_check" }.Where(doc.Has))
            problems.Error("frontends-with-shorthand", key, $"`{key}:` is the one-frontend shorthand and cannot stand beside a `frontends:` list",
                "move it into the frontends' entries (`port:`, `backends:`, `health_check:` of each), or drop `frontends:` and keep the shorthand");
        return new FrontendListParser(problems, ParseBackend, ParseHealthCheck, CheckName).Parse(doc);
    }

    private Backend ParseBackend(YamlSection backend, int defaultPort)
    {
        var name = backend.String("name", required: true, fix: "add `name: master1`") ?? "";
        CheckName(backend.FieldPath("name"), name);
        var address = backend.String("address", required: true, fix: "add `address: IP-or-hostname` of the API server") ?? "";
        if (address.Length > 0 && !YamlSection.TryParseIPv4(address, out _) && !YamlSection.TryParseIPv6(address, out _)) CheckHostName(backend.FieldPath("address"), address);
        var port = backend.Int("port") ?? defaultPort;
        backend.RejectUnknownKeys();
        return new Backend(name, address, port);
    }

    /// <param name="kindAllowed">`kind:` is read only in a frontend of the list; the shorthand's check is always https.</param>
    private HealthCheck ParseHealthCheck(YamlSection? section, bool kindAllowed)
    {
        if (section is null)
            return new HealthCheck(InventoryDefaults.HealthCheckPath, InventoryDefaults.HealthCheckInterval, InventoryDefaults.HealthCheckFall, InventoryDefaults.HealthCheckRise);
        var kind = !kindAllowed ? HealthCheckKind.Https : section.String("kind") switch
        {
            null or "https" => HealthCheckKind.Https,
            "http" => HealthCheckKind.Http,
            "tcp" => HealthCheckKind.Tcp,
            var other => Invalid(section.FieldPath("kind"), $"{ShownText.Quote(other)} is not a health check kind",
                "write `kind: https` (a TLS GET of `path`, expecting 200), `kind: http` (a plain GET of `path`) or `kind: tcp` (a connect only)", HealthCheckKind.Https),
        };
        if (kind == HealthCheckKind.Tcp && section.Has("path"))
            problems.Error("path-with-tcp-check", section.FieldPath("path"), "a tcp check only connects, so it sends no path", "remove `path:`, or use `kind: https` or `kind: http`");
        var path = section.String("path") ?? InventoryDefaults.HealthCheckPath;
        if (!InventoryPatterns.HttpPath().IsMatch(path))
            problems.Error("bad-path", section.FieldPath("path"), $"{ShownText.Quote(path)} is not a plain URL path", "start it with / and use only letters, digits and / _ . - ? = &, e.g. /readyz");
        var interval = section.Duration("interval", "1s") ?? InventoryDefaults.HealthCheckInterval;
        var fall = section.Int("fall") ?? InventoryDefaults.HealthCheckFall;
        var rise = section.Int("rise") ?? InventoryDefaults.HealthCheckRise;
        section.RejectUnknownKeys();
        return new HealthCheck(path, interval, fall, rise, kind);
    }

    private HaproxyTimeouts ParseTimeouts(YamlSection? section)
    {
        if (section is null) return new HaproxyTimeouts(InventoryDefaults.ConnectTimeout, InventoryDefaults.ClientTimeout, InventoryDefaults.ServerTimeout);
        var connect = section.Duration("connect", "5s") ?? InventoryDefaults.ConnectTimeout;
        var client = section.Duration("client", "15m") ?? InventoryDefaults.ClientTimeout;
        var server = section.Duration("server", "15m") ?? InventoryDefaults.ServerTimeout;
        section.RejectUnknownKeys();
        return new HaproxyTimeouts(connect, client, server);
    }

    private PackageSettings ParsePackages(YamlSection? section)
    {
        if (section is null) return PackageSettings.FromRepository;
        var source = section.String("source") switch
        {
            null or "repository" => PackageSource.Repository,
            "files" => PackageSource.Files,
            var other => Invalid(section.FieldPath("source"), $"{ShownText.Quote(other)} is not a package source",
                "write `source: repository` (the nodes' own repositories, the default) or `source: files` (package files from this host)", InventoryDefaults.Packages),
        };
        var fileParser = new PackageFileParser(problems, environment, _paths);
        var files = section.List("files").Select(fileParser.Parse).ToList();
        var pins = ParsePins(section.Section("pin"));
        section.RejectUnknownKeys();
        return new PackageSettings(source, files) { Pins = pins };
    }

    /// <summary>`packages.pin`: keepalived and haproxy only, each an exact version or a prefix ending in `*`.</summary>
    private List<PackagePin> ParsePins(YamlSection? section)
    {
        if (section is null) return [];
        var pins = new List<PackagePin>();
        foreach (var package in NodePlanner.Packages)
        {
            if (section.String(package) is not { } pattern) continue;
            if (InventoryPatterns.PackagePin().IsMatch(pattern)) pins.Add(new PackagePin(package, pattern));
            else
                problems.Error("bad-pin", section.FieldPath(package), $"{ShownText.Quote(pattern)} is not a package version or a version prefix",
                    $"write the version as the package manager shows it, exactly (`{package}: \"2.6.12-1+deb12u4\"`) or as a prefix ending in * (`{package}: \"2.6.12-1*\"`)");
        }
        section.RejectUnknownKeys();
        return pins;
    }

    private SshSettings Defaults() => new(
        InventoryDefaults.SshUser, InventoryDefaults.SshPort, null, null, null, Become: false, null,
        _paths.Resolve(InventoryDefaults.KnownHosts), HostKeyPolicy.Strict, InventoryDefaults.SshConnectTimeout, null);

    private string? EnvName(YamlSection section, string key)
    {
        var name = section.String(key);
        if (name is null || InventoryPatterns.EnvironmentVariableName().IsMatch(name)) return name;
        problems.Error("bad-env-name", section.FieldPath(key), $"{ShownText.Quote(name)} is not an environment variable name", "use letters, digits and _, e.g. HALB_SSH_PASSWORD");
        return null;
    }

    /// <summary>A path on the control host (see <see cref="LocalPathResolver"/>), or null when it is not written or is refused.</summary>
    private string? LocalPath(YamlSection section, string key)
    {
        var written = section.String(key);
        if (written is null) return null;
        if (_paths.TryResolve(written, out var path)) return path;
        problems.Error("bad-path", section.FieldPath(key), $"{ShownText.Quote(written)} holds a control character (a line break?)", "write the path on one line, without control characters");
        return null;
    }

    private void CheckName(string field, string name)
    {
        if (name.Length > 0 && !InventoryPatterns.SafeName().IsMatch(name))
            problems.Error("bad-name", field, $"{ShownText.Quote(name)} is not a valid name", "use 1-63 letters, digits, - and _, starting with a letter or digit");
    }

    private void CheckInterface(string field, string name)
    {
        if (!InventoryPatterns.InterfaceName().IsMatch(name))
            problems.Error("bad-interface", field, $"{ShownText.Quote(name)} is not a network interface name", "use the name `ip -br link` shows on the node, e.g. ens160 (1-15 letters, digits, . _ -)");
    }

    /// <summary>A backend address that is not an IPv4 address must be a host name, and not a number the resolver would read as another address.</summary>
    private void CheckHostName(string field, string address)
    {
        if (YamlSection.WithoutLeadingZeros(address) is { } meant)
            problems.Error("bad-address", field, $"{ShownText.Quote(address)} has a number with a leading zero, which some tools read as octal (010 is 8)", $"write `address: {meant}`");
        else if (InventoryPatterns.NumericLastLabel().IsMatch(address))
            problems.Error("bad-address", field, $"{ShownText.Quote(address)} is not an IPv4 address (four numbers 0-255), and a host name cannot end in a number: the resolver would read it as some other address",
                "write the API server's IP as four numbers 0-255, e.g. 192.168.88.97, or its DNS name");
        else if (!InventoryPatterns.HostName().IsMatch(address))
            problems.Error("bad-address", field, $"{ShownText.Quote(address)} is neither an IPv4 address nor a host name", "write the API server's IP, e.g. 192.168.88.97, or its DNS name");
    }

    private T Invalid<T>(string field, string message, string fix, T fallback)
    {
        problems.Error("bad-value", field, message, fix);
        return fallback;
    }
}
