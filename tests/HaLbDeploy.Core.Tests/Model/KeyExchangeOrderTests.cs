using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

public sealed class KeyExchangeOrderTests
{
    // SSH.NET 2026.0.0's own order.
    private static readonly string[] Offered =
    [
        "mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
        "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "diffie-hellman-group14-sha256",
    ];

    [Fact]
    public void Post_quantum_keeps_the_clients_order_with_the_hybrids_first() =>
        Assert.Equal(Offered, KeyExchangeOrder.Order(Offered, KeyExchangePreference.PostQuantum));

    [Fact]
    public void Classic_puts_every_other_exchange_before_the_hybrids_and_drops_none()
    {
        var ordered = KeyExchangeOrder.Order(Offered, KeyExchangePreference.Classic);

        Assert.Equal(
        [
            "curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "diffie-hellman-group14-sha256",
            "mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com",
        ], ordered);
    }

    [Fact]
    public void The_inventory_defaults_to_post_quantum_and_a_node_may_choose_classic()
    {
        var result = Inventories.Load(Inventories.ValidWith("    priority: 90\n", "    priority: 90\n    ssh:\n      kex: classic\n"));

        Assert.Empty(result.Problems);
        Assert.Equal([KeyExchangePreference.PostQuantum, KeyExchangePreference.Classic], result.Inventory!.Nodes.Select(n => n.Ssh.Kex));
    }

    [Fact]
    public void The_top_level_preference_reaches_every_node()
    {
        var result = Inventories.Load(Inventories.ValidWith("  port: 22\n", "  port: 22\n  kex: classic\n"));

        Assert.Empty(result.Problems);
        Assert.All(result.Inventory!.Nodes, n => Assert.Equal(KeyExchangePreference.Classic, n.Ssh.Kex));
    }

    [Fact]
    public void An_unknown_preference_is_an_error_at_its_field_with_both_values_in_the_fix()
    {
        var result = Inventories.Load(Inventories.ValidWith("  port: 22\n", "  port: 22\n  kex: fastest\n"));

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("ssh.kex", problem.Field);
        Assert.Contains("'fastest' is not a key exchange preference", problem.Message);
        Assert.Contains("kex: classic", problem.Fix);
    }
}
