using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>A small valid inventory with known line numbers, and a way to load variants of it.</summary>
public static class Inventories
{
    // Line numbers matter: the tests point at them.
    public const string Valid = """
        cluster: prod
        vip: 10.0.0.100/24
        interface: eth0
        virtual_router_id: 51
        advert_int: 1
        vrrp:
          mode: unicast
          preempt: true
          auth:
            secret_env: HALB_VRRP_SECRET
          health_tracking:
            weight: 0
        ssh:
          user: root
          port: 22
        nodes:
          - name: lb1
            address: 10.0.0.11
            priority: 100
          - name: lb2
            address: 10.0.0.12
            priority: 90
        backends:
          - name: m1
            address: 10.0.0.21
            port: 6443
          - name: m2
            address: 10.0.0.22
            port: 6443
        """;

    /// <summary>A `packages:` section to append to <see cref="Valid"/>: `packages:` is line 30.</summary>
    public const string FilesSection = """

        packages:
          source: files
          files:
            - path: pkgs/keepalived_2.2.7-1_amd64.deb
              sha256: dff3e914acbfbc88c3e5038a70098cb49b72430ee9aedc59d0c6e5cd57aab748
            - path: pkgs/haproxy_2.6.12-1_amd64.deb
        """;

    /// <summary>The bytes of the package files <see cref="FilesSection"/> names, as the fake file system serves them.</summary>
    public static FakeInventoryEnvironment WithPackageFiles()
    {
        var environment = new FakeInventoryEnvironment();
        environment.BinaryFiles["/inv/pkgs/keepalived_2.2.7-1_amd64.deb"] = "keepalived package"u8.ToArray();
        environment.BinaryFiles["/inv/pkgs/haproxy_2.6.12-1_amd64.deb"] = "haproxy package"u8.ToArray();
        environment.BinaryFiles["/inv/other/haproxy_2.6.12-1_amd64.deb"] = "another haproxy package"u8.ToArray();
        environment.BinaryFiles["/inv/pkgs/haproxy-2.4.22-1.el9.x86_64.rpm"] = "haproxy rpm"u8.ToArray();
        environment.BinaryFiles["/inv/pkgs/keepalived-2.2.8-3.el9.x86_64.rpm"] = "keepalived rpm"u8.ToArray();
        environment.BinaryFiles["/inv/pkgs/empty_1.0_amd64.deb"] = [];
        environment.OversizedFiles["/inv/pkgs/huge_1.0_amd64.deb"] = 600L * 1024 * 1024;
        return environment;
    }

    public static InventoryLoadResult Load(string yaml, FakeInventoryEnvironment? environment = null) =>
        new InventoryLoader(environment ?? new FakeInventoryEnvironment()).LoadText(yaml + "\n", "inv.yaml", "/inv");

    /// <summary>The valid inventory with one exact piece of text replaced; fails loudly if the piece is absent.</summary>
    public static string ValidWith(string find, string replace)
    {
        if (!Valid.Contains(find, StringComparison.Ordinal)) throw new ArgumentException($"'{find}' is not in the valid inventory");
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The inventory without its `auth:` section: the fast profile refuses it (VRRPv3 has no authentication).</summary>
    public static string WithoutAuth(string inventory) =>
        inventory.Replace("  auth:\n    secret_env: HALB_VRRP_SECRET\n", "", StringComparison.Ordinal);
}
