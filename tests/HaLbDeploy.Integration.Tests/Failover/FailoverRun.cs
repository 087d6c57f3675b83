using System.Text.Json;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Failover;

/// <summary>One failover-test run with --output json, and what it measured.</summary>
public sealed class FailoverRun(CliRun run)
{
    private readonly JsonElement _root = JsonDocument.Parse(run.Output).RootElement;

    public CliRun Cli => run;

    public bool Passed => _root.GetProperty("passed").GetBoolean();

    public string Summary => _root.GetProperty("summary").GetString()!;

    /// <summary>A measurement of a phase ("failover", "failback") by the start of its name.</summary>
    public (double? Value, double? Bound, bool Passed, string Detail) Measurement(string phase, string startOfName)
    {
        var measurement = _root.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == phase)
            .GetProperty("measurements").EnumerateArray()
            .Single(m => m.GetProperty("name").GetString()!.StartsWith(startOfName, StringComparison.Ordinal));
        return (Number(measurement.GetProperty("value")), Number(measurement.GetProperty("bound")),
            measurement.GetProperty("passed").GetBoolean(), measurement.GetProperty("detail").GetString()!);
    }

    public IReadOnlyList<string> HoldersAtEnd(string phase) =>
        _root.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == phase)
            .GetProperty("holders_at_end").EnumerateArray().Select(e => e.GetString()!).ToList();

    public bool HealthyAfter => _root.GetProperty("after").GetProperty("healthy").GetBoolean();

    public override string ToString() => run.ToString();

    public static Task<FailoverRun> StartAsync(params string[] arguments) => StartWithAsync(LabTier.Inventory, arguments);

    /// <summary>failover-test with another inventory than inventory/lab.yaml (a variant the tier was applied with).</summary>
    public static async Task<FailoverRun> StartWithAsync(string inventory, params string[] arguments)
    {
        var run = await LabCli.RunAsync(["failover-test", "-i", inventory, "--output", "json", .. arguments]);
        Assert.True(run.Output.TrimStart().StartsWith('{'), run.ToString());
        return new FailoverRun(run);
    }

    private static double? Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;
}
