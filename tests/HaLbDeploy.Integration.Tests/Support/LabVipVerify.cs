using System.Diagnostics;
using System.Text.Json;
using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// The lab tests of `vips:` inventories: verify's JSON per VIP address (until a condition holds, bounded), and the nodes
/// holding an address read independently of the code under test (`ip addr` on each, both families).
/// </summary>
public static class LabVipVerify
{
    public sealed record Round(int Exit, string Text, JsonDocument? Json);

    /// <summary>The holders verify names for <paramref name="address"/>, comma-joined; "?" without JSON.</summary>
    public static string Holders(Round round, string address) =>
        round.Json is null ? "?" : string.Join(",", Vip(round, address).GetProperty("holders").EnumerateArray().Select(h => h.GetString()));

    public static JsonElement Vip(Round round, string address) =>
        round.Json!.RootElement.GetProperty("vips").EnumerateArray().Single(v => v.GetProperty("address").GetString() == address);

    /// <summary>verify --output json every half second until <paramref name="condition"/> holds or the time is up; the last round.</summary>
    public static async Task<Round> UntilAsync(string inventory, Func<Round, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Round round;
        do
        {
            var run = await LabCli.RunAsync("verify", "-i", inventory, "--output", "json");
            JsonDocument? json = null;
            try { json = JsonDocument.Parse(run.Output); } catch (JsonException) { }
            round = new Round(run.ExitCode, run.ToString(), json);
            if (json is not null && json.RootElement.TryGetProperty("vips", out _) && condition(round)) return round;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        while (clock.Elapsed < timeout);
        return round;
    }

    /// <summary>The lab nodes that carry <paramref name="address"/> now, by `ip addr` on each.</summary>
    public static async Task<IReadOnlyList<string>> HoldersOnTheNodesAsync(string address)
    {
        var outputs = await LabNodeShell.RunOnAllAsync($"ip -o addr show | grep -c ' {address}/' || true");
        return LabFacts.Nodes.Where((_, i) => outputs[i].Trim() != "0").Select(n => n.Name).ToList();
    }
}
