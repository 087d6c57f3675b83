using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>Each bad inventory gives exactly one error, at the exact line and column, with a message and a fix.</summary>
public sealed class BadInventoryTests
{
    public static TheoryData<string, string, string, int, int, string, string, string> OneMistakeEach => new()
    {
        // name, find, replace, line, column, code, field, message fragment
        { "typo in a top-level key", "advert_int: 1", "advert_intt: 1", 5, 1, "unknown-key", "advert_intt", "unknown key 'advert_intt'" },
        { "typo in a nested key", "  preempt: true", "  prempt: true", 8, 3, "unknown-key", "vrrp.prempt", "unknown key 'prempt'" },
        { "bad node address", "address: 10.0.0.11", "address: 10.0.0.256", 18, 14, "bad-address", "nodes[0].address", "'10.0.0.256' is not an IPv4 address" },
        { "VIP prefix too long", "vip: 10.0.0.100/24", "vip: 10.0.0.100/33", 2, 6, "bad-cidr", "vip", "prefix length 1-32" },
        { "VIP without prefix", "vip: 10.0.0.100/24", "vip: 10.0.0.100", 2, 6, "vip-without-prefix", "vip", "has no prefix length" },
        { "misspelt cluster", "cluster: prod", "clusters: prod", 1, 1, "unknown-key", "clusters", "unknown key 'clusters'" },
        { "missing cluster", "cluster: prod\n", "", 1, 1, "missing-field", "cluster", "is required but missing" },
        { "missing priority", "    priority: 90\n", "", 20, 5, "missing-field", "nodes[1].priority", "is required but missing" },
        { "priority above 254", "priority: 100", "priority: 255", 19, 15, "out-of-range", "nodes[0].priority", "255 is outside 1-254" },
        { "priority zero", "priority: 100", "priority: 0", 19, 15, "out-of-range", "nodes[0].priority", "0 is outside 1-254" },
        { "priority not a number", "priority: 100", "priority: high", 19, 15, "not-a-number", "nodes[0].priority", "'high' is not a whole number" },
        { "duplicate priority", "priority: 90", "priority: 100", 22, 15, "duplicate", "nodes[1].priority", "priority '100' is already used at line 19" },
        { "duplicate node name", "name: lb2", "name: lb1", 20, 11, "duplicate", "nodes[1].name", "node name 'lb1' is already used at line 17" },
        { "duplicate node address", "address: 10.0.0.12", "address: 10.0.0.11", 21, 14, "duplicate", "nodes[1].address", "node address '10.0.0.11' is already used at line 18" },
        { "router id above 255", "virtual_router_id: 51", "virtual_router_id: 256", 4, 20, "out-of-range", "virtual_router_id", "256 is outside 1-255" },
        { "router id zero", "virtual_router_id: 51", "virtual_router_id: 0", 4, 20, "out-of-range", "virtual_router_id", "0 is outside 1-255" },
        { "advert_int zero", "advert_int: 1", "advert_int: 0", 5, 13, "out-of-range", "advert_int", "0 is outside 1-255" },
        { "secret variable not set", "secret_env: HALB_VRRP_SECRET", "secret_env: NOT_SET", 10, 17, "bad-value", "vrrp.auth.secret_env", "the environment variable named here is not set" },
        { "secret file unreadable", "secret_env: HALB_VRRP_SECRET", "secret_file: /nowhere", 10, 18, "bad-value", "vrrp.auth.secret_file", "cannot read the file named here: there is no such file" },
        { "two secret sources", "secret_env: HALB_VRRP_SECRET", "secret_env: HALB_VRRP_SECRET\n    secret: abc", 10, 5, "auth-source", "vrrp.auth", "names more than one secret source" },
        { "weight too small to move the VIP", "weight: 0", "weight: -2", 12, 13, "track-weight-cannot-move-vip", "vrrp.health_tracking.weight", "drops only to 98, still above 90" },
        { "positive tracking weight", "weight: 0", "weight: 5", 12, 13, "track-weight-positive", "vrrp.health_tracking.weight", "a positive weight (5)" },
        { "unknown VRRP mode", "mode: unicast", "mode: broadcast", 7, 9, "bad-value", "vrrp.mode", "'broadcast' is not a VRRP mode" },
        { "negative ARP refresh", "mode: unicast", "mode: unicast\n  garp_refresh: -1", 8, 17, "out-of-range", "vrrp.garp_refresh", "-1 is outside 0-3600" },
        { "backend port zero", "address: 10.0.0.21\n    port: 6443", "address: 10.0.0.21\n    port: 0", 26, 11, "out-of-range", "backends[0].port", "0 is outside 1-65535" },
        { "VIP is a node's address", "vip: 10.0.0.100/24", "vip: 10.0.0.11/24", 18, 14, "vip-is-node-address", "nodes[0].address", "10.0.0.11 is the VIP itself" },
        { "VIP is a backend's address", "vip: 10.0.0.100/24", "vip: 10.0.0.21/24", 25, 14, "vip-is-backend-address", "backends[0].address", "10.0.0.21 is the VIP itself" },
        { "node outside the VIP subnet", "address: 10.0.0.12", "address: 10.0.9.12", 21, 14, "node-outside-vip-subnet", "nodes[1].address", "outside the VIP's subnet 10.0.0.100/24" },
        { "shell characters in an interface", "interface: eth0", "interface: eth0;reboot", 3, 12, "bad-interface", "interface", "is not a network interface name" },
        { "shell characters in a node name", "name: lb1", "name: lb1$(reboot)", 17, 11, "bad-name", "nodes[0].name", "'lb1$(reboot)' is not a valid name" },
        { "ssh port zero", "  port: 22", "  port: 0", 15, 9, "out-of-range", "ssh.port", "0 is outside 1-65535" },
        { "bad ssh user", "  user: root", "  user: Root Admin", 14, 9, "bad-user", "ssh.user", "'Root Admin' is not a valid user name" },
        { "bad host key policy", "  port: 22", "  port: 22\n  host_key_policy: trust-all", 16, 20, "bad-value", "ssh.host_key_policy", "'trust-all' is not a host key policy" },
        { "backend name typo key", "  - name: m2", "  - nmae: m2", 27, 5, "unknown-key", "backends[1].nmae", "unknown key 'nmae'" },
        { "nodes written as a value", "nodes:\n  - name: lb1\n    address: 10.0.0.11\n    priority: 100\n  - name: lb2\n    address: 10.0.0.12\n    priority: 90", "nodes: lb1", 16, 8, "not-a-list", "nodes", "must be a list, found 'lb1'" },
        { "bad multicast group", "  mode: unicast", "  mode: multicast\n  multicast_group: 10.1.1.1", 8, 20, "bad-multicast-group", "vrrp.multicast_group", "10.1.1.1 is not a multicast address" },
        { "preempt not a boolean", "preempt: true", "preempt: maybe", 8, 12, "not-a-boolean", "vrrp.preempt", "'maybe' is not true or false" },
        { "bad backend address", "address: 10.0.0.22", "address: 'bad host!'", 28, 14, "bad-address", "backends[1].address", "neither an IPv4 address nor a host name" },
        { "a colon inside a plain value", "vip: 10.0.0.100/24", "vip: 10.0.0.100/24: x", 2, 19, "yaml-syntax", "", "" },
        { "duplicate top-level key", "advert_int: 1", "advert_int: 1\ncluster: again", 6, 1, "yaml-syntax", "", "Duplicate key" },

        // Values that passed and were wrong: a line break at the end of a value matched every `$` rule.
        { "a line break after the cluster name", "cluster: prod", "cluster: \"prod\\n\"", 1, 10, "bad-name", "cluster", @"'prod\n' is not a valid name" },
        { "a line break after an interface", "interface: eth0", "interface: \"eth0\\n\"", 3, 12, "bad-interface", "interface", @"'eth0\n' is not a network interface name" },
        { "a line break after a node name", "name: lb1", "name: \"lb1\\n\"", 17, 11, "bad-name", "nodes[0].name", @"'lb1\n' is not a valid name" },
        { "a line break after a user", "  user: root", "  user: \"root\\n\"", 14, 9, "bad-user", "ssh.user", @"'root\n' is not a valid user name" },
        { "a line break after a backend host name", "address: 10.0.0.22", "address: \"m2.example\\n\"", 28, 14, "bad-address", "backends[1].address", "neither an IPv4 address nor a host name" },
        { "a line break after a health check path", "advert_int: 1", "advert_int: 1\nhealth_check:\n  path: \"/readyz\\n\"", 7, 9, "bad-path", "health_check.path", "is not a plain URL path" },
        { "a line break after a known_hosts path", "  port: 22", "  port: 22\n  known_hosts: \"~/.ssh/known_hosts\\n\"", 16, 16, "bad-path", "ssh.known_hosts", "holds a control character" },
        { "a line break after a variable name", "  port: 22", "  port: 22\n  password_env: \"HALB_PW\\n\"", 16, 17, "bad-env-name", "ssh.password_env", "is not an environment variable name" },
        { "a line break after the secret's variable name", "secret_env: HALB_VRRP_SECRET", "secret_env: \"HALB_VRRP_SECRET\\n\"", 10, 17, "bad-value", "vrrp.auth.secret_env", "is not an environment variable name" },
        { "a line break after a host key fingerprint", "    priority: 90", "    priority: 90\n    ssh:\n      host_key_fingerprint: \"SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\\n\"", 24, 29, "bad-fingerprint", "nodes[1].ssh.host_key_fingerprint", "is not a SHA256 host key fingerprint" },

        // Addresses that parsed as a different host, or as a host name.
        { "a node address with a leading zero (read as octal: .011 is .9)", "address: 10.0.0.11", "address: 10.0.0.011", 18, 14, "bad-address", "nodes[0].address", "'10.0.0.011' has a number with a leading zero" },
        { "a VIP with a leading zero", "vip: 10.0.0.100/24", "vip: 010.0.0.100/24", 2, 6, "bad-cidr", "vip", "has a number with a leading zero" },
        { "a VIP prefix with a sign", "vip: 10.0.0.100/24", "vip: 10.0.0.100/+24", 2, 6, "bad-cidr", "vip", "prefix length 1-32" },
        { "a backend address with a leading zero", "address: 10.0.0.22", "address: 10.0.0.022", 28, 14, "bad-address", "backends[1].address", "has a number with a leading zero" },
        { "a backend address with a number above 255", "address: 10.0.0.22", "address: 999.1.1.1", 28, 14, "bad-address", "backends[1].address", "a host name cannot end in a number" },
        { "a backend address of three numbers", "address: 10.0.0.22", "address: 1.2.3", 28, 14, "bad-address", "backends[1].address", "a host name cannot end in a number" },
        { "a backend address written as one hex number", "address: 10.0.0.22", "address: 0x7f000001", 28, 14, "bad-address", "backends[1].address", "a host name cannot end in a number" },
        { "the VIP is its subnet's network address", "vip: 10.0.0.100/24", "vip: 10.0.0.0/24", 2, 6, "vip-is-network-address", "vip", "10.0.0.0/24 is the network address" },
        { "the VIP is its subnet's broadcast address", "vip: 10.0.0.100/24", "vip: 10.0.0.255/24", 2, 6, "vip-is-broadcast-address", "vip", "10.0.0.255/24 is the broadcast address" },

        // Durations past what haproxy and the SSH client accept, and zero where zero makes no sense.
        { "a haproxy timeout past 24.8 days", "advert_int: 1", "advert_int: 1\ntimeouts:\n  connect: 99999999999s", 7, 12, "out-of-range", "timeouts.connect", "longer than 2147483647 ms" },
        { "a health check interval past 24.8 days", "advert_int: 1", "advert_int: 1\nhealth_check:\n  interval: 597h", 7, 13, "out-of-range", "health_check.interval", "longer than 2147483647 ms" },
        { "an SSH connect timeout that overflowed a TimeSpan", "  port: 22", "  port: 22\n  connect_timeout: 999999999999h", 16, 20, "out-of-range", "ssh.connect_timeout", "longer than 2147483647 ms" },
        { "an SSH connect timeout of zero", "  port: 22", "  port: 22\n  connect_timeout: 0s", 16, 20, "out-of-range", "ssh.connect_timeout", "must be longer than 0" },

        // YAML mistakes that were reported at 1:1 or without a line.
        { "a tab in the indentation", "  preempt: true", "\tpreempt: true", 8, 1, "yaml-syntax", "", "a tab in the indentation" },
        { "a tab in the indentation after spaces", "    priority: 90", "  \tpriority: 90", 22, 3, "yaml-syntax", "", "a tab in the indentation" },
        { "an alias to an undefined anchor", "  port: 22", "  port: *sshport", 15, 9, "yaml-undefined-alias", "", "an alias (`*…`) to an undefined anchor" },
        { "an alias inside its own anchor", "  port: 22", "  port: &p [*p]", 15, 13, "yaml-alias-cycle", "", "points into the node its own anchor names" },
        { "a bracket never closed", "interface: eth0", "interface: [eth0", 3, 12, "yaml-syntax", "", "this `[` is never closed" },
        { "a tag on a value", "  port: 22", "  port: !!int 22", 15, 9, "yaml-tag", "", "a YAML tag" },
        { "40,000 unclosed brackets", "  port: 22", "  port: " + new string('[', 40_000), 15, 71, "too-deep", "", "nest more than 64 levels" },
        { "40,000 closed brackets (YamlDotNet's node builder overflowed the stack on them)", "  port: 22", "  port: " + new string('[', 40_000) + new string(']', 40_000), 15, 71, "too-deep", "", "nest more than 64 levels" },
        { "a thousand indented sections", "  port: 22", "  port: 22" + string.Concat(Enumerable.Range(0, 1_000).Select(i => "\n" + new string(' ', i + 2) + "k:")), 79, 66, "too-deep", "", "nest more than 64 levels" },
    };

    [Theory]
    [MemberData(nameof(OneMistakeEach))]
    public void Each_bad_inventory_gives_one_located_error_with_a_fix(string name, string find, string replace, int line, int column, string code, string field, string message)
    {
        var result = Inventories.Load(Inventories.ValidWith(find, replace));

        AssertOneLocatedErrorWithAFix(result, name, line, column, code, field, message);
    }

    public static TheoryData<string, string, string, int, int, string, string, string> OnePackagesMistakeEach => new()
    {
        // name, find (in Inventories.FilesSection), replace, line, column, code, field, message fragment
        { "unknown package source", "source: files", "source: usb", 31, 11, "bad-value", "packages.source", "'usb' is not a package source" },
        { "a file that is no package", "pkgs/haproxy_2.6.12-1_amd64.deb", "pkgs/haproxy_2.6.12-1_amd64.tar.gz", 35, 13, "bad-package-file", "packages.files[1].path", "is not a .deb or .rpm file" },
        { "shell characters in a file name", "pkgs/haproxy_2.6.12-1_amd64.deb", "'pkgs/haproxy$(reboot).deb'", 35, 13, "bad-package-file", "packages.files[1].path", "has characters other than" },
        { "a package file that is not there", "pkgs/haproxy_2.6.12-1_amd64.deb", "pkgs/haproxy_9.9_amd64.deb", 35, 13, "package-file-unreadable", "packages.files[1].path", "cannot read /inv/pkgs/haproxy_9.9_amd64.deb" },
        { "an empty package file", "pkgs/haproxy_2.6.12-1_amd64.deb", "pkgs/empty_1.0_amd64.deb", 35, 13, "package-file-empty", "packages.files[1].path", "/inv/pkgs/empty_1.0_amd64.deb is empty" },
        { "a digest that is not SHA-256", "sha256: dff3e914", "sha256: md5-dff3e914", 34, 15, "bad-sha256", "packages.files[0].sha256", "is not a SHA-256 digest" },
        { "a file that does not match its digest", "sha256: dff3e914", "sha256: eff3e914", 34, 15, "sha256-mismatch", "packages.files[0].sha256", "keepalived_2.2.7-1_amd64.deb has SHA-256 dff3e914" },
        { "the same file name twice", "    - path: pkgs/haproxy_2.6.12-1_amd64.deb", "    - path: pkgs/haproxy_2.6.12-1_amd64.deb\n    - path: other/haproxy_2.6.12-1_amd64.deb", 36, 13, "duplicate", "packages.files[2].path", "package file name 'haproxy_2.6.12-1_amd64.deb' is already used at line 35" },
        { "a misspelt path key", "    - path: pkgs/haproxy", "    - paht: pkgs/haproxy", 35, 7, "unknown-key", "packages.files[1].paht", "unknown key 'paht'" },
        { "files without source files", "  source: files\n", "", 32, 5, "package-files-unused", "packages.files", "`source` is repository" },
        { "source files without files", "  files:\n    - path: pkgs/keepalived_2.2.7-1_amd64.deb\n      sha256: dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748\n    - path: pkgs/haproxy_2.6.12-1_amd64.deb", "", 31, 11, "no-package-files", "packages.source", "no package file is listed" },
        { "a line break after a digest", "sha256: dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748", "sha256: \"dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748\\n\"", 34, 15, "bad-sha256", "packages.files[0].sha256", "is not a SHA-256 digest" },
        { "a line break after a package path", "pkgs/haproxy_2.6.12-1_amd64.deb", "\"pkgs/haproxy_2.6.12-1_amd64.deb\\n\"", 35, 13, "bad-path", "packages.files[1].path", "holds a control character" },
        { "a package file larger than 512 MiB", "pkgs/haproxy_2.6.12-1_amd64.deb", "pkgs/huge_1.0_amd64.deb", 35, 13, "file-too-large", "packages.files[1].path", "more than the 512 MiB a package file may have" },
        { "files written as a value", "  files:\n    - path: pkgs/keepalived_2.2.7-1_amd64.deb\n      sha256: dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748\n    - path: pkgs/haproxy_2.6.12-1_amd64.deb", "  files: pkgs/haproxy_2.6.12-1_amd64.deb", 32, 10, "not-a-list", "packages.files", "must be a list" },
    };

    [Theory]
    [MemberData(nameof(OnePackagesMistakeEach))]
    public void Each_bad_packages_section_gives_one_located_error_with_a_fix(string name, string find, string replace, int line, int column, string code, string field, string message)
    {
        Assert.True(Inventories.FilesSection.Contains(find, StringComparison.Ordinal), $"{name}: '{find}' is not in the packages section");
        var yaml = Inventories.Valid + Inventories.FilesSection.Replace(find, replace, StringComparison.Ordinal);

        var result = Inventories.Load(yaml, Inventories.WithPackageFiles());

        AssertOneLocatedErrorWithAFix(result, name, line, column, code, field, message);
    }

    private static void AssertOneLocatedErrorWithAFix(InventoryLoadResult result, string name, int line, int column, string code, string field, string message)
    {
        var error = Assert.Single(result.Errors);
        Assert.True((line, column, code, field) == (error.Line, error.Column, error.Code, error.Field), $"{name}: got {error}");
        Assert.Contains(message, error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: no fix in {error}");
        Assert.Null(result.Inventory);
    }

    [Fact]
    public void Package_files_without_haproxy_are_only_a_warning_that_names_the_missing_package()
    {
        var yaml = Inventories.Valid + Inventories.FilesSection.Replace("    - path: pkgs/haproxy_2.6.12-1_amd64.deb", "", StringComparison.Ordinal);

        var result = Inventories.Load(yaml, Inventories.WithPackageFiles());

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("package-file-missing", "packages.files"), (warning.Code, warning.Field));
        Assert.Contains("no haproxy .deb file is listed", warning.Message);
    }

    [Fact]
    public void A_typo_a_bad_address_and_a_long_secret_are_three_errors_in_one_run()
    {
        var environment = new FakeInventoryEnvironment();
        environment.Variables["HALB_VRRP_SECRET"] = "elevenchars";
        var yaml = Inventories.ValidWith("advert_int: 1", "advert_itn: 1").Replace("address: 10.0.0.12", "address: 10.0.0.1.2");

        var errors = Inventories.Load(yaml, environment).Errors.ToList();

        Assert.Equal(3, errors.Count);
        Assert.Equal("inv.yaml:5:1: error: advert_itn: unknown key 'advert_itn'. Fix: did you mean `advert_int`?", errors[0].ToString());
        Assert.Equal((10, 17, "auth-secret-too-long"), (errors[1].Line, errors[1].Column, errors[1].Code));
        Assert.Contains("11 characters; keepalived uses only the first 8", errors[1].Message);
        Assert.Equal((21, 14, "bad-address"), (errors[2].Line, errors[2].Column, errors[2].Code));
    }

    [Fact]
    public void A_typo_suggests_the_closest_known_key()
    {
        var error = Assert.Single(Inventories.Load(Inventories.ValidWith("  preempt: true", "  prempt: true")).Errors);

        Assert.Equal("did you mean `preempt`?", error.Fix);
    }

    [Fact]
    public void The_recipe_priorities_with_weight_minus_two_are_rejected_and_the_fix_names_a_weight_that_works()
    {
        var yaml = Inventories.ValidWith("weight: 0", "weight: -2").Replace("priority: 90", "priority: 90\n  - name: lb3\n    address: 10.0.0.13\n    priority: 80");

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Contains("can never move the VIP", error.Message);
        Assert.Contains("-11", error.Fix);
        Assert.Empty(Inventories.Load(yaml.Replace("weight: -2", "weight: -11")).Errors);
    }

    [Fact]
    public void Nopreempt_with_a_node_starting_as_master_is_rejected_at_the_state_line()
    {
        var yaml = Inventories.ValidWith("preempt: true", "preempt: false").Replace("priority: 100", "priority: 100\n    state: MASTER");

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Equal((20, 12, "nopreempt-with-master", "nodes[0].state"), (error.Line, error.Column, error.Code, error.Field));
    }

    [Fact]
    public void Strict_mode_without_accept_is_rejected()
    {
        var yaml = Inventories.ValidWith("  mode: unicast", "  mode: multicast\n  strict: true").Replace("  auth:\n    secret_env: HALB_VRRP_SECRET\n", "");

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Equal(("strict-without-accept", "vrrp.strict", 8, 11), (error.Code, error.Field, error.Line, error.Column));
        Assert.Empty(Inventories.Load(yaml.Replace("strict: true", "strict: true\n  accept: true")).Errors);
    }

    [Fact]
    public void Strict_mode_with_unicast_peers_and_authentication_is_rejected_twice()
    {
        var yaml = Inventories.ValidWith("  mode: unicast", "  mode: unicast\n  strict: true\n  accept: true");

        var codes = Inventories.Load(yaml).Errors.Select(e => e.Code).Order();

        Assert.Equal(["strict-with-auth", "strict-with-unicast"], codes);
    }

    [Theory]
    [InlineData("ab\"cd")]
    [InlineData("ab\\cd")]
    [InlineData("abé")]
    public void A_secret_keepalived_conf_cannot_carry_is_rejected_without_showing_it(string secret)
    {
        var environment = new FakeInventoryEnvironment();
        environment.Variables["HALB_VRRP_SECRET"] = secret;

        var error = Assert.Single(Inventories.Load(Inventories.Valid, environment).Errors);

        Assert.Equal(("auth-secret-characters", 10, 17), (error.Code, error.Line, error.Column));
        Assert.DoesNotContain(secret, error.ToString());
    }

    [Fact]
    public void A_frontend_port_out_of_range_is_located()
    {
        var error = Assert.Single(Inventories.Load(Inventories.Valid + "\nfrontend:\n  port: 70000").Errors);

        Assert.Equal((31, 9, "frontend.port"), (error.Line, error.Column, error.Field));
    }

    [Fact]
    public void An_empty_backend_list_is_rejected()
    {
        var yaml = Inventories.Valid[..Inventories.Valid.IndexOf("backends:", StringComparison.Ordinal)] + "backends: []";

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Equal(("no-backends", 23, 11), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Missing_backends_are_reported_with_how_to_add_them()
    {
        var yaml = Inventories.Valid[..Inventories.Valid.IndexOf("backends:", StringComparison.Ordinal)];

        var error = Assert.Single(Inventories.Load(yaml).Errors);

        Assert.Equal(("missing-field", "backends"), (error.Code, error.Field));
        Assert.Contains("backends:", error.Fix);
    }

    [Fact]
    public void A_bad_duration_says_which_units_work()
    {
        var error = Assert.Single(Inventories.Load(Inventories.Valid + "\nhealth_check:\n  interval: fast").Errors);

        Assert.Equal(("not-a-duration", 31, 13), (error.Code, error.Line, error.Column));
        Assert.Contains("ms, s, m or h", error.Fix);
    }

    [Fact]
    public void A_health_path_without_a_leading_slash_is_rejected()
    {
        var error = Assert.Single(Inventories.Load(Inventories.Valid + "\nhealth_check:\n  path: readyz").Errors);

        Assert.Equal(("bad-path", "health_check.path"), (error.Code, error.Field));
    }

    [Fact]
    public void A_plain_text_secret_is_only_a_warning()
    {
        var result = Inventories.Load(Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", "secret: abc12345"));

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("plaintext-secret", 10, 13), (warning.Code, warning.Line, warning.Column));
        Assert.NotNull(result.Inventory);
    }

    [Fact]
    public void A_single_node_is_only_a_warning()
    {
        var yaml = Inventories.ValidWith("  - name: lb2\n    address: 10.0.0.12\n    priority: 90\n", "");

        var result = Inventories.Load(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal("single-node", Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public void A_short_client_timeout_warns_about_kubectl_logs()
    {
        var warning = Assert.Single(Inventories.Load(Inventories.Valid + "\ntimeouts:\n  client: 10s").Warnings);

        Assert.Equal(("timeout-too-short", "timeouts.client"), (warning.Code, warning.Field));
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Equal("empty-file", Assert.Single(Inventories.Load("").Errors).Code);
    }

    [Fact]
    public void A_list_at_the_top_is_an_error()
    {
        Assert.Equal("not-a-section", Assert.Single(Inventories.Load("- a\n- b").Errors).Code);
    }

    [Fact]
    public void Two_documents_are_an_error()
    {
        Assert.Equal("document-count", Assert.Single(Inventories.Load(Inventories.Valid + "\n---\ncluster: x").Errors).Code);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_it_is_expanded()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");

        Assert.Equal("too-many-aliases", Assert.Single(Inventories.Load(yaml.ToString()).Errors).Code);
    }

    [Fact]
    public void An_unclosed_bracket_is_an_error_not_a_crash()
    {
        Assert.Equal("yaml-syntax", Assert.Single(Inventories.Load("a: [1, 2\nb: 3").Errors).Code);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error()
    {
        var loader = new InventoryLoader(new FakeInventoryEnvironment());

        var result = loader.LoadBytes([0x63, 0x3A, 0x20, 0xFF, 0xFE, 0x0A], "inv.yaml", "/inv");

        Assert.Equal("not-utf8", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Binary_input_is_an_error()
    {
        var loader = new InventoryLoader(new FakeInventoryEnvironment());

        var result = loader.LoadBytes([0x00, 0x01, 0x02, 0x03], "inv.yaml", "/inv");

        Assert.Equal("binary-file", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void A_file_over_a_megabyte_is_refused_unread()
    {
        var loader = new InventoryLoader(new FakeInventoryEnvironment());

        var result = loader.LoadBytes(new byte[InventoryLoader.MaxFileBytes + 1], "inv.yaml", "/inv");

        Assert.Equal("file-too-large", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Problems_print_as_file_line_column_level_field_message_and_fix()
    {
        var problem = new InventoryProblem(ProblemSeverity.Error, "x", "inv.yaml", 3, 7, "vip", "is wrong", "make it right");

        Assert.Equal("inv.yaml:3:7: error: vip: is wrong. Fix: make it right", problem.ToString());
    }
}
