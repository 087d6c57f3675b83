using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>The two-node inventory and the short windows the runner tests run failover-test with on the simulated tier.</summary>
internal static class QuickRuns
{
    public static readonly Inventory TwoNodes = Inventories.Load(Inventories.Valid).Inventory!;

    public static readonly FailoverTestOptions Options = new("lb1", FailoverMode.Stop, null)
    {
        ProbeInterval = TimeSpan.FromMilliseconds(100),
        Lead = TimeSpan.FromMilliseconds(600),
        SamplerRun = TimeSpan.FromMilliseconds(700),
        StableFor = TimeSpan.FromMilliseconds(500),
        PhaseSlack = TimeSpan.FromSeconds(2),
        AfterVerifyTimeout = TimeSpan.FromSeconds(2),
        MaxDuration = TimeSpan.FromSeconds(60),
    };
}
