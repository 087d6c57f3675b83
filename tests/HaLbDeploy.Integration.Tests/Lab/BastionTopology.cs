using HaLbDeploy.Integration.Tests.Support;
using HaLbDeploy.Tests.Shared;

namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>
/// The lab's bastion topology (`lab/lab bastion up`, lab/README.md "Behind a bastion"): lb21, lb22, api21 and api22
/// on bridge halb1, where this machine has no address, reached only through the two-legged node `bastion`.
/// inventory/lab-bastion.yaml is its inventory. As a class fixture it brings the topology up on the running lab and
/// takes it down again if it was not up before.
/// </summary>
public sealed class BastionTopology : IAsyncLifetime
{
    public const string Bridge = "halb1";

    /// <summary>The bastion's address on halb0: the only address of the topology this machine talks to.</summary>
    public const string Bastion = "10.211.0.9";

    public const string Vip = "10.212.0.100";

    public static readonly IReadOnlyList<LabHost> Nodes = [new("lb21", "10.212.0.21"), new("lb22", "10.212.0.22")];

    private static string ReadyMarker => Path.Combine(LabFacts.StateDir, "run", "bastion", "ready");

    private bool broughtUp;

    public async Task InitializeAsync()
    {
        LabFacts.RequireLabUp();
        if (File.Exists(ReadyMarker)) return;
        await LabControl.RunAsync("bastion", "up");
        broughtUp = true;
        RequireUp();
    }

    public async Task DisposeAsync()
    {
        if (broughtUp) await LabControl.RunAsync("bastion", "down");
    }

    /// <summary>
    /// Fails unless the topology is up. Call before any run: behind it, every address is 10.212.0.x, which this
    /// machine would route out through its default route if halb1 and the bastion were not there.
    /// </summary>
    public static void RequireUp()
    {
        LabFacts.RequireLabUp();
        if (!File.Exists(ReadyMarker) || !Directory.Exists(Path.Combine("/sys/class/net", Bridge)))
        {
            Assert.Fail($"The lab's bastion topology is not up (no {ReadyMarker} or no bridge {Bridge}): `sudo lab/lab bastion up`.");
        }
    }

    /// <summary>inventory/lab-bastion.yaml with exact pieces of text replaced; a piece that is not there fails the test.</summary>
    public static LabInventory Inventory(params (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(RepositoryRoot.Of("inventory/lab-bastion.yaml"));
        foreach (var (find, replace) in edits)
        {
            Assert.True(text.Contains(find, StringComparison.Ordinal), $"'{find}' is not in inventory/lab-bastion.yaml");
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return LabInventory.OfText(text);
    }
}
