using System.Diagnostics;
using System.Text.Json;
using HaLbDeploy.Integration.Tests.Failover;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Drain;

/// <summary>
/// drain and undrain on the real lab: api2 set to drain in every node's haproxy through the admin socket; new
/// connections through the VIP and through each node's own haproxy then avoid it, a session open before the drain
/// keeps drain waiting until it ends, verify shows the drain, a reload of haproxy drops it on that node, and undrain
/// brings api2 back everywhere.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DrainLabTests : IAsyncLifetime
{
    private const string Backend = "api2";

    /// <summary>The VIP and each LB node's address: every haproxy a client can reach.</summary>
    private static readonly string[] Entrances = [LabFacts.Vip, .. LabFacts.Nodes.Select(n => n.Address)];

    public Task InitializeAsync() => LabTier.ConvergeAsync();

    public async Task DisposeAsync()
    {
        var undrain = await LabCli.RunAsync("undrain", "-i", LabTier.Inventory, "--backend", Backend);
        Assert.True(undrain.ExitCode == 0, undrain.ToString());
    }

    [Fact]
    public async Task Drain_waits_for_an_open_session_keeps_new_connections_off_the_server_on_every_node_and_undrain_brings_it_back()
    {
        var held = await ConnectionToAsync(LabFacts.Node("lb2").Address, Backend);
        try
        {
            var timedOut = await LabCli.RunAsync("drain", "-i", LabTier.Inventory, "--backend", Backend, "--timeout", "2s");

            Assert.True(timedOut.ExitCode == 4, timedOut.ToString());
            Assert.Contains("TIMED OUT: api2 is drained on 3 nodes, but 1 session still open after", timedOut.Output);
            Assert.Matches(@"lb2\s+DRAIN\s+1", timedOut.Output);
            Assert.Contains("[wait/*] sessions still open to api2: 1 (lb1 0, lb2 1, lb3 0)", timedOut.Error);
        }
        finally
        {
            await held.DisposeAsync();
        }

        var clock = Stopwatch.StartNew();
        var drained = await LabCli.RunAsync("drain", "-i", LabTier.Inventory, "--backend", Backend, "--timeout", "30s", "-o", "json");
        Assert.True(drained.ExitCode == 0, drained.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"drain took {clock.Elapsed} after the last session closed");
        using (var json = JsonDocument.Parse(drained.Output))
        {
            Assert.Equal("done", json.RootElement.GetProperty("outcome").GetString());
            Assert.All(json.RootElement.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(("DRAIN", 0L), (n.GetProperty("status").GetString(), n.GetProperty("sessions").GetInt64())));
        }

        foreach (var entrance in Entrances)
        {
            var answers = await ApiServerAnswers.AskAsync(entrance, 6);
            Assert.DoesNotContain(Backend, answers);
            Assert.Equal(["api1", "api3"], answers.Distinct().Order());
        }
        await AssertVerifyShowsTheDrainAsync();

        // The drain lives in haproxy's memory: a reload (what apply does when haproxy.cfg changes) starts workers
        // from the file, where api2 is ready (docs/operations.md).
        await LabNodeShell.RunAsync("lb3", "systemctl reload haproxy");
        await ConnectionToAsync(LabFacts.Node("lb3").Address, Backend, close: true);
        var afterReload = await LabCli.RunAsync("verify", "-i", LabTier.Inventory);
        Assert.Contains("warning: backend api2 (10.211.0.32:6443) is drained on lb1, lb2:", afterReload.Output);

        var undrain = await LabCli.RunAsync("undrain", "-i", LabTier.Inventory, "--backend", Backend);
        Assert.True(undrain.ExitCode == 0, undrain.ToString());
        Assert.Contains("OK: api2 is back in rotation (undrained) on 3 nodes", undrain.Output);
        foreach (var entrance in Entrances) await ConnectionToAsync(entrance, Backend, close: true);
        var verify = await LabCli.RunAsync("verify", "-i", LabTier.Inventory);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("3/3 backends UP", verify.Output);
        Assert.DoesNotContain("drained", verify.Output);
    }

    [Fact]
    public async Task Drain_of_a_backend_not_in_the_inventory_is_refused_with_exit_2()
    {
        var run = await LabCli.RunAsync("drain", "-i", LabTier.Inventory, "--backend", "api9");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--backend api9: no such backend", run.Error);
    }

    private static async Task AssertVerifyShowsTheDrainAsync()
    {
        var text = await LabCli.RunAsync("verify", "-i", LabTier.Inventory);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"api2\s+10\.211\.0\.32:6443\s+DRAINED\s+DRAINED\s+DRAINED", text.Output);
        Assert.Contains("2/3 backends UP, 1 drained", text.Output);
        Assert.Contains("warning: backend api2 (10.211.0.32:6443) is drained on lb1, lb2, lb3", text.Output);

        var run = await LabCli.RunAsync("verify", "-i", LabTier.Inventory, "-o", "json");
        using var json = JsonDocument.Parse(run.Output);
        var api2 = json.RootElement.GetProperty("backends").EnumerateArray().Single(b => b.GetProperty("name").GetString() == Backend);
        Assert.Equal(["lb1", "lb2", "lb3"], api2.GetProperty("drained_on").EnumerateArray().Select(e => e.GetString()));
        foreach (var node in json.RootElement.GetProperty("nodes").EnumerateArray())
            Assert.True(node.GetProperty("servers").EnumerateArray().Single(s => s.GetProperty("name").GetString() == Backend).GetProperty("drained").GetBoolean());
    }

    /// <summary>
    /// A connection through <paramref name="entrance"/> that <paramref name="server"/> answers: new connections until one
    /// lands there (round robin, and after undrain haproxy's slowstart ramps the server's weight up), for at most 30 s.
    /// </summary>
    private static async Task<ApiServerAnswers.HeldConnection> ConnectionToAsync(string entrance, string server, bool close = false)
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<string>();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var connection = await ApiServerAnswers.HeldConnection.OpenAsync(entrance);
            if (connection.Server == server && !close) return connection;
            await connection.DisposeAsync();
            if (connection.Server == server) return connection;
            seen.Add(connection.Server);
            await Task.Delay(100);
        }
        Assert.Fail($"{entrance}: no new connection reached {server} within 30 s (answers: {string.Join(", ", seen.TakeLast(12))})");
        throw new UnreachableException();
    }
}
