using System.Net;
using System.Text.RegularExpressions;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Turns the YAML document into a typed <see cref="Inventory"/>, reporting shape problems (unknown or missing
/// keys, wrong types, bad addresses) with their positions. Fields that fail get placeholder values and an error,
/// so later rules can skip them and the user still sees every problem in one run.
/// </summary>
internal sealed partial class InventoryParser(ProblemCollector problems, IInventoryEnvironment environment, string inventoryDirectory)
{
    public Inventory Parse(YamlMappingNode root)
    {
        var doc = new YamlSection(root, "", problems);
        var cluster = doc.String("cluster", required: true, fix: "add `cluster: NAME`, e.g. `cluster: prod-api`") ?? "";
        CheckName(doc.FieldPath("cluster"), cluster);
        var vip = ParseVip(doc);
        var defaultInterface = doc.String("interface");
        if (defaultInterface is not null) CheckInterface(doc.FieldPath("interface"), defaultInterface);
        var routerId = doc.Int("virtual_router_id");
        var advertInt = doc.Int("advert_int") ?? InventoryDefaults.AdvertIntSeconds;
        var vrrp = ParseVrrp(doc.Section("vrrp"));
        var sshDefaults = ParseSsh(doc.Section("ssh"), Defaults(), isNode: false);
        var nodes = doc.List("nodes", required: true, fix: "add a `nodes:` list with at least two LB nodes (name, address, priority)")
            .Select(n => ParseNode(n, defaultInterface, sshDefaults))
            .ToList();
        var frontendPort = ParseFrontend(doc.Section("frontend"));
        var backends = doc.List("backends", required: true, fix: "add a `backends:` list of API servers (name, address, port)")
            .Select(ParseBackend)
            .ToList();
        var healthCheck = ParseHealthCheck(doc.Section("health_check"));
        var timeouts = ParseTimeouts(doc.Section("timeouts"));
        var packages = ParsePackages(doc.Section("packages"));
        doc.RejectUnknownKeys();

        return new Inventory(
            SourcePath: problems.File,
            ClusterName: cluster,
            Vip: vip,
            DefaultInterface: defaultInterface ?? "",
            VirtualRouterId: routerId ?? VirtualRouterIdDeriver.Derive(cluster),
            VirtualRouterIdDerived: routerId is null,
            AdvertIntSeconds: advertInt,
            Vrrp: vrrp,
            Nodes: nodes,
            FrontendPort: frontendPort,
            Backends: backends,
            HealthCheck: healthCheck,
            Timeouts: timeouts,
            Packages: packages);
    }

    private VirtualIp ParseVip(YamlSection doc)
    {
        var text = doc.String("vip", required: true, fix: "add `vip: ADDRESS/PREFIX`, e.g. `vip: 192.168.88.201/24`");
        if (text is null) return new VirtualIp(IPAddress.None, 32);
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            problems.Error("vip-without-prefix", "vip", $"'{text}' has no prefix length", $"write it with the subnet's prefix, e.g. `vip: {text}/24`");
            return new VirtualIp(IPAddress.None, 32);
        }
        var ok = YamlSection.TryParseIPv4(text[..slash], out var address);
        var prefixOk = int.TryParse(text[(slash + 1)..], out var prefix) && prefix is >= 1 and <= 32;
        if (!ok || !prefixOk)
        {
            problems.Error("bad-cidr", "vip", $"'{text}' is not an IPv4 address with a prefix length 1-32", "write it like `vip: 192.168.88.201/24`");
            return new VirtualIp(IPAddress.None, 32);
        }
        return new VirtualIp(address, prefix);
    }

    private VrrpSettings ParseVrrp(YamlSection? section)
    {
        if (section is null)
        {
            return new VrrpSettings(VrrpMode.Unicast, InventoryDefaults.MulticastGroup, null, Preempt: true, Strict: false, Accept: false,
                InventoryDefaults.TrackWeight, InventoryDefaults.TrackIntervalSeconds, InventoryDefaults.TrackFall, InventoryDefaults.TrackRise, InventoryDefaults.GarpRefreshSeconds);
        }
        var mode = section.String("mode") switch
        {
            null or "unicast" => VrrpMode.Unicast,
            "multicast" => VrrpMode.Multicast,
            var other => Invalid(section.FieldPath("mode"), $"'{other}' is not a VRRP mode", "write `mode: unicast` or `mode: multicast`", VrrpMode.Unicast),
        };
        var group = section.Address("multicast_group") ?? InventoryDefaults.MulticastGroup;
        var preempt = section.Bool("preempt") ?? true;
        var strict = section.Bool("strict") ?? false;
        var accept = section.Bool("accept") ?? false;
        var garpRefresh = section.Int("garp_refresh") ?? InventoryDefaults.GarpRefreshSeconds;
        var secret = ParseAuth(section.Section("auth"));
        var tracking = section.Section("health_tracking");
        var weight = tracking?.Int("weight") ?? InventoryDefaults.TrackWeight;
        var interval = tracking?.Int("interval") ?? InventoryDefaults.TrackIntervalSeconds;
        var fall = tracking?.Int("fall") ?? InventoryDefaults.TrackFall;
        var rise = tracking?.Int("rise") ?? InventoryDefaults.TrackRise;
        tracking?.RejectUnknownKeys();
        section.RejectUnknownKeys();
        return new VrrpSettings(mode, group, secret, preempt, strict, accept, weight, interval, fall, rise, garpRefresh);
    }

    private Secret? ParseAuth(YamlSection? auth)
    {
        if (auth is null) return null;
        var fromEnv = auth.String("secret_env");
        var fromFile = auth.String("secret_file");
        var plain = auth.String("secret");
        auth.RejectUnknownKeys();
        var given = new[] { fromEnv, fromFile, plain }.Count(v => v is not null);
        if (given != 1)
        {
            problems.Error("auth-source", auth.Path, given == 0 ? "names no secret" : "names more than one secret source",
                "give exactly one of `secret_env: VARIABLE`, `secret_file: PATH` or `secret: VALUE`");
            return null;
        }
        if (fromEnv is not null)
        {
            if (!EnvironmentVariableName().IsMatch(fromEnv))
                return Invalid<Secret?>(auth.FieldPath("secret_env"), $"'{fromEnv}' is not an environment variable name", "use letters, digits and _, e.g. HALB_VRRP_SECRET", null);
            var value = environment.GetVariable(fromEnv);
            if (string.IsNullOrEmpty(value))
                return Invalid<Secret?>(auth.FieldPath("secret_env"), $"environment variable {fromEnv} is not set", $"export {fromEnv}=<up to 8 characters> before running", null);
            return new Secret(value, $"env {fromEnv}");
        }
        if (fromFile is not null)
        {
            var path = ResolvePath(fromFile);
            var text = environment.ReadFile(path);
            if (text is null)
                return Invalid<Secret?>(auth.FieldPath("secret_file"), $"cannot read {path}", "create the file with the secret (up to 8 characters) or fix the path", null);
            var value = text.TrimEnd('\r', '\n');
            if (value.Length == 0)
                return Invalid<Secret?>(auth.FieldPath("secret_file"), $"{path} is empty", "write the secret (up to 8 characters) into the file", null);
            return new Secret(value, $"file {path}");
        }
        problems.Warning("plaintext-secret", auth.FieldPath("secret"), "the VRRP secret is written in the inventory in plain text",
            "move it to an environment variable (`secret_env:`) or a file readable only by you (`secret_file:`)");
        return new Secret(plain!, "inventory");
    }

    private SshSettings ParseSsh(YamlSection? section, SshSettings inherited, bool isNode)
    {
        if (section is null) return inherited;
        var user = section.String("user") ?? inherited.User;
        if (!UserName().IsMatch(user))
            problems.Error("bad-user", section.FieldPath("user"), $"'{user}' is not a valid user name", "use lower-case letters, digits, _ . and -, starting with a letter or _");
        var port = section.Int("port") ?? inherited.Port;
        if (port is < 1 or > 65535)
            problems.Error("out-of-range", section.FieldPath("port"), $"{port} is outside 1-65535", "use the node's sshd port, normally 22");
        var key = section.String("private_key") is { } k ? ResolvePath(k) : inherited.PrivateKeyPath;
        var passphraseEnv = EnvName(section, "private_key_passphrase_env") ?? inherited.PrivateKeyPassphraseEnv;
        var passwordEnv = EnvName(section, "password_env") ?? inherited.PasswordEnv;
        var becomeExplicit = section.Bool("become");
        var become = becomeExplicit ?? (section.Has("user") ? user != "root" : inherited.Become);
        var ownBecomePasswordEnv = EnvName(section, "become_password_env");
        if (ownBecomePasswordEnv is not null && environment.GetVariable(ownBecomePasswordEnv) is { } sudoPassword && sudoPassword.AsSpan().IndexOfAny('\n', '\r') >= 0)
            problems.Error("multiline-sudo-password", section.FieldPath("become_password_env"), $"environment variable {ownBecomePasswordEnv} holds a line break",
                "sudo reads a password only up to the first line break: set the variable to the password alone, on one line");
        var becomePasswordEnv = ownBecomePasswordEnv ?? inherited.BecomePasswordEnv;
        var knownHosts = section.String("known_hosts") is { } kh ? ResolvePath(kh) : inherited.KnownHostsPath;
        var policy = section.String("host_key_policy") switch
        {
            null => inherited.HostKeyPolicy,
            "strict" => HostKeyPolicy.Strict,
            "accept-new" => HostKeyPolicy.AcceptNew,
            var other => Invalid(section.FieldPath("host_key_policy"), $"'{other}' is not a host key policy", "write `host_key_policy: strict` or `host_key_policy: accept-new`", inherited.HostKeyPolicy),
        };
        var timeout = section.Duration("connect_timeout", "10s") ?? inherited.ConnectTimeout;
        string? fingerprint = null;
        if (isNode)
        {
            fingerprint = section.String("host_key_fingerprint");
            if (fingerprint is not null && !Fingerprint().IsMatch(fingerprint))
            {
                problems.Error("bad-fingerprint", section.FieldPath("host_key_fingerprint"), $"'{fingerprint}' is not a SHA256 host key fingerprint",
                    "copy it from `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the node, e.g. SHA256:abc…(43 characters)");
                fingerprint = null;
            }
        }
        section.RejectUnknownKeys();
        return new SshSettings(user, port, key, passphraseEnv, passwordEnv, become, becomePasswordEnv, knownHosts, policy, timeout, fingerprint);
    }

    private LbNode ParseNode(YamlSection node, string? defaultInterface, SshSettings sshDefaults)
    {
        var name = node.String("name", required: true, fix: "add `name: lb1`") ?? "";
        CheckName(node.FieldPath("name"), name);
        var address = node.Address("address", required: true, fix: "add `address: IP` (the node's address on the VIP's subnet)") ?? IPAddress.None;
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
            var other => Invalid(node.FieldPath("state"), $"'{other}' is not a VRRP start state", "write `state: BACKUP` (recommended) or `state: MASTER`", VrrpInitialState.Backup),
        };
        var ssh = ParseSsh(node.Section("ssh"), sshDefaults, isNode: true);
        node.RejectUnknownKeys();
        return new LbNode(name, address, priority, iface ?? defaultInterface ?? "", state, ssh);
    }

    private int ParseFrontend(YamlSection? section)
    {
        if (section is null) return InventoryDefaults.FrontendPort;
        var port = section.Int("port") ?? InventoryDefaults.FrontendPort;
        section.RejectUnknownKeys();
        return port;
    }

    private Backend ParseBackend(YamlSection backend)
    {
        var name = backend.String("name", required: true, fix: "add `name: master1`") ?? "";
        CheckName(backend.FieldPath("name"), name);
        var address = backend.String("address", required: true, fix: "add `address: IP-or-hostname` of the API server") ?? "";
        if (address.Length > 0 && !YamlSection.TryParseIPv4(address, out _) && !HostName().IsMatch(address))
            problems.Error("bad-address", backend.FieldPath("address"), $"'{address}' is neither an IPv4 address nor a host name", "write the API server's IP, e.g. 192.168.88.97, or its DNS name");
        var port = backend.Int("port") ?? InventoryDefaults.BackendPort;
        backend.RejectUnknownKeys();
        return new Backend(name, address, port);
    }

    private HealthCheck ParseHealthCheck(YamlSection? section)
    {
        if (section is null)
            return new HealthCheck(InventoryDefaults.HealthCheckPath, InventoryDefaults.HealthCheckInterval, InventoryDefaults.HealthCheckFall, InventoryDefaults.HealthCheckRise);
        var path = section.String("path") ?? InventoryDefaults.HealthCheckPath;
        if (!HttpPath().IsMatch(path))
            problems.Error("bad-path", section.FieldPath("path"), $"'{path}' is not a plain URL path", "start it with / and use only letters, digits and / _ . - ? = &, e.g. /readyz");
        var interval = section.Duration("interval", "1s") ?? InventoryDefaults.HealthCheckInterval;
        var fall = section.Int("fall") ?? InventoryDefaults.HealthCheckFall;
        var rise = section.Int("rise") ?? InventoryDefaults.HealthCheckRise;
        section.RejectUnknownKeys();
        return new HealthCheck(path, interval, fall, rise);
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
            var other => Invalid(section.FieldPath("source"), $"'{other}' is not a package source",
                "write `source: repository` (the nodes' own repositories, the default) or `source: files` (package files from this host)", InventoryDefaults.Packages),
        };
        var files = section.List("files").Select(ParsePackageFile).ToList();
        section.RejectUnknownKeys();
        return new PackageSettings(source, files);
    }

    /// <summary>
    /// A package file must be readable here, named like a .deb or .rpm, and match its `sha256:` when one is written.
    /// Its digest is computed in any case: the node checks its copy against it before installing.
    /// A file that fails gets an empty placeholder, so the list keeps its positions.
    /// </summary>
    private PackageFile ParsePackageFile(YamlSection entry)
    {
        var placeholder = new PackageFile("", "", 0, "", PackageFormat.Deb);
        var written = entry.String("path", required: true, fix: "add `path: FILE.deb` or `path: FILE.rpm` (relative to the inventory file)");
        var expected = entry.String("sha256");
        entry.RejectUnknownKeys();
        if (expected is not null && !Sha256Hex().IsMatch(expected))
        {
            problems.Error("bad-sha256", entry.FieldPath("sha256"), $"'{expected}' is not a SHA-256 digest", "write the 64 hex digits that `sha256sum FILE` prints");
            expected = null;
        }
        if (written is null) return placeholder;
        var pathField = entry.FieldPath("path");
        var path = ResolvePath(written);
        var name = Path.GetFileName(path);
        PackageFormat format;
        if (name.EndsWith(".deb", StringComparison.Ordinal)) format = PackageFormat.Deb;
        else if (name.EndsWith(".rpm", StringComparison.Ordinal)) format = PackageFormat.Rpm;
        else
        {
            problems.Error("bad-package-file", pathField, $"'{written}' is not a .deb or .rpm file", "list package files ending in .deb (for apt nodes) or .rpm (for dnf and yum nodes)");
            return placeholder;
        }
        if (!PackageFileName().IsMatch(name))
        {
            problems.Error("bad-package-file", pathField, $"'{name}' has characters other than letters, digits and . _ + ~ % : -",
                "rename the file the way its package manager names it, e.g. haproxy_2.6.12-1+deb12u4_amd64.deb");
            return placeholder;
        }
        var digest = environment.DigestFile(path);
        if (digest is null)
        {
            problems.Error("package-file-unreadable", pathField, $"cannot read {path}", "copy the package file there or fix the path (a relative path is relative to the inventory file)");
            return placeholder;
        }
        if (digest.Length == 0)
        {
            problems.Error("package-file-empty", pathField, $"{path} is empty", "copy the package file again; an interrupted download leaves an empty file");
            return placeholder;
        }
        if (expected is not null && !string.Equals(expected, digest.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            problems.Error("sha256-mismatch", entry.FieldPath("sha256"), $"{name} has SHA-256 {digest.Sha256}, not the one written here",
                "check that it is the file you meant (download it again), or write the digest `sha256sum` prints for it");
            return placeholder;
        }
        return new PackageFile(path, name, digest.Length, digest.Sha256, format);
    }

    private SshSettings Defaults() => new(
        InventoryDefaults.SshUser, InventoryDefaults.SshPort, null, null, null, Become: false, null,
        ResolvePath(InventoryDefaults.KnownHosts), HostKeyPolicy.Strict, InventoryDefaults.SshConnectTimeout, null);

    private string? EnvName(YamlSection section, string key)
    {
        var name = section.String(key);
        if (name is null || EnvironmentVariableName().IsMatch(name)) return name;
        problems.Error("bad-env-name", section.FieldPath(key), $"'{name}' is not an environment variable name", "use letters, digits and _, e.g. HALB_SSH_PASSWORD");
        return null;
    }

    /// <summary>~ means the home directory; a relative path is relative to the inventory file.</summary>
    private string ResolvePath(string path)
    {
        if (path == "~") return environment.HomeDirectory;
        if (path.StartsWith("~/", StringComparison.Ordinal)) return Path.Combine(environment.HomeDirectory, path[2..]);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(inventoryDirectory, path));
    }

    private void CheckName(string field, string name)
    {
        if (name.Length > 0 && !SafeName().IsMatch(name))
            problems.Error("bad-name", field, $"'{name}' is not a valid name", "use 1-63 letters, digits, - and _, starting with a letter or digit");
    }

    private void CheckInterface(string field, string name)
    {
        if (!InterfaceName().IsMatch(name))
            problems.Error("bad-interface", field, $"'{name}' is not a network interface name", "use the name `ip -br link` shows on the node, e.g. ens160 (1-15 letters, digits, . _ -)");
    }

    private T Invalid<T>(string field, string message, string fix, T fallback)
    {
        problems.Error("bad-value", field, message, fix);
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,15}$")]
    private static partial Regex InterfaceName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentVariableName();

    [GeneratedRegex("^[a-z_][a-z0-9_.-]{0,31}$")]
    private static partial Regex UserName();

    [GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}$")]
    private static partial Regex Fingerprint();

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();

    [GeneratedRegex("^/[A-Za-z0-9/_.?=&-]{0,200}$")]
    private static partial Regex HttpPath();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+~%:-]{0,250}$")]
    private static partial Regex PackageFileName();
}
