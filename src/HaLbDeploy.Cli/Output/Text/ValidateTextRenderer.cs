using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>validate's answer for people: the problems on stderr (as every command prints them), and what a valid inventory holds on stdout.</summary>
public static class ValidateTextRenderer
{
    /// <param name="inventory">The inventory file as the user named it.</param>
    public static void Write(TextWriter output, TextWriter error, string inventory, InventoryLoadResult result)
    {
        ProblemsTextRenderer.Write(error, result);
        if (result.Inventory is { } valid)
        {
            output.WriteLine($"{inventory}: valid ({valid.Nodes.Count} LB nodes, {(valid.Frontends.Count > 1 ? $"{valid.Frontends.Count} frontends, " : "")}{valid.AllBackends.Count} API servers, VIP {valid.Vip}, router id {valid.VirtualRouterId}{(valid.VirtualRouterIdDerived ? " derived" : "")}).");
            // Whether a node gets the track file depends on its keepalived, which validate does not read: both bounds.
            if (valid.Vrrp.Profile == VrrpProfile.Fast) output.WriteLine($"fast profile: {Core.Failover.FailoverBounds.Summary(valid, trackFile: null)}.");
        }
    }
}
