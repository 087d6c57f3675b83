using System.Text.RegularExpressions;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Apply;

/// <summary>
/// `packages.pin` on the EL9-like lab tier (lb5, lb6: real dnf and rpm, the lab's versionlock plugin RPM): apply holds
/// the pinned packages as dnf versionlocks, and a second apply changes nothing. The locks go afterwards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RhelPackagePinLabTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_pin_on_el9_nodes_holds_both_packages_with_a_dnf_versionlock()
    {
        LabFacts.RequireRhelLabUp();
        var tier = LabOsTier.El9;
        using var plain = LabInventory.OfText(tier.InventoryText());
        var converge = await LabCli.RunAsync("apply", "-i", plain.Path);
        Assert.True(converge.ExitCode == 0, converge.ToString());
        var haproxy = (await LabNodeShell.RunAsync(tier.First.Name, "rpm -q --qf '%{VERSION}-%{RELEASE}' haproxy")).Trim();
        var keepalived = (await LabNodeShell.RunAsync(tier.First.Name, "rpm -q --qf '%{VERSION}' keepalived")).Trim();
        using var pinned = LabInventory.OfText(tier.InventoryText() + $"\npackages:\n  pin:\n    keepalived: \"{keepalived}*\"\n    haproxy: \"{haproxy}\"\n");
        try
        {
            var apply = await LabCli.RunAsync("apply", "-i", pinned.Path);
            output.WriteLine(apply.Error);
            Assert.True(apply.ExitCode == 0, apply.ToString());
            foreach (var node in tier.Nodes)
            {
                var locks = await LabNodeShell.RunAsync(node.Name, "dnf -q versionlock list");
                output.WriteLine($"{node.Name}: {locks}");
                Assert.Matches($@"(?m)^(0:)?haproxy-(0:)?{Regex.Escape(haproxy)}", locks);
                Assert.Matches(@"(?m)^(0:)?keepalived-", locks);
            }

            var again = await LabCli.RunAsync("apply", "-i", pinned.Path, "--output", "json");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal(tier.Nodes.Count, Regex.Count(again.Output, "\"outcome\": \"unchanged\""));
        }
        finally
        {
            await Task.WhenAll(tier.Nodes.Select(n => LabNodeShell.RunAsync(n.Name, "dnf -q versionlock delete haproxy keepalived >/dev/null 2>&1; true")));
        }
    }
}
