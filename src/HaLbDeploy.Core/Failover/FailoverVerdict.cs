using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// The outcome and the one-line summary of a failover test that got as far as the fault: the first failed
/// measurement, else verify after the test, else the key times against their bounds.
/// </summary>
public static class FailoverVerdict
{
    public static (FailoverOutcome Outcome, string Summary) Of(FailoverAnalysis analysis, VerificationReport? after, bool interrupted)
    {
        if (interrupted) return (FailoverOutcome.Interrupted, "interrupted; the node was restored" + (after is { Healthy: true } ? " and verify is OK" : ""));
        var failed = analysis.Failover.Measurements.Concat(analysis.Failback?.Measurements ?? []).FirstOrDefault(m => !m.Passed);
        if (failed is not null) return (FailoverOutcome.Failed, $"FAIL: {failed.Name}: {Value(failed)}{failed.Detail}");
        if (after is not { Healthy: true }) return (FailoverOutcome.Failed, $"FAIL: verify after the test: {after?.Summary ?? "not run"}");
        if (!analysis.Scenario.FaultedNodeHeldVip)
            return (FailoverOutcome.Passed, $"PASS: {analysis.Scenario.FaultedNode} did not hold the VIP ({analysis.Scenario.HolderBefore} did): the VIP did not move, clients saw no outage; verify OK after the test");
        var key = analysis.Failover.Measurements.FirstOrDefault(m => m.Name.EndsWith("took the VIP over", StringComparison.Ordinal))
                  ?? analysis.Failover.Measurements[0];
        var back = analysis.Failback?.Measurements.FirstOrDefault(m => m.Name.StartsWith("the VIP returned", StringComparison.Ordinal));
        var text = $"PASS: {Short(key)}" + (back is null ? "" : $"; {Short(back)}") + "; verify OK after the test";
        return (FailoverOutcome.Passed, text);
    }

    /// <summary>
    /// The verdict once the other addresses of the sync group are judged too: a failed measurement of one fails the
    /// test (named with its address); a pass says that they moved with the main address.
    /// </summary>
    public static (FailoverOutcome Outcome, string Summary) WithOtherAddresses((FailoverOutcome Outcome, string Summary) verdict, IReadOnlyList<AddressAnalysis> others)
    {
        if (others.Count == 0 || verdict.Outcome != FailoverOutcome.Passed) return verdict;
        foreach (var other in others)
        {
            var failed = other.Analysis.Failover.Measurements.Concat(other.Analysis.Failback?.Measurements ?? []).FirstOrDefault(m => !m.Passed);
            if (failed is not null) return (FailoverOutcome.Failed, $"FAIL: {other.Address}: {failed.Name}: {Value(failed)}{failed.Detail}");
        }
        return (FailoverOutcome.Passed, verdict.Summary + $"; {string.Join(", ", others.Select(o => o.Address))} measured too, within the bounds");
    }

    private static string Short(FailoverMeasurement m) =>
        m.Value is { } v && m.Bound is { } b ? $"{m.Name} in {TimeText.Seconds(v)} (bound {TimeText.Seconds(b.Value)})" : m.Name;

    private static string Value(FailoverMeasurement m) =>
        m.Value is { } v ? $"{TimeText.Seconds(v)}" + (m.Bound is { } b ? $" > bound {TimeText.Seconds(b.Value)}; " : "; ") : "";
}
