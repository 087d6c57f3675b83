using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.FailoverTest;

/// <summary>
/// What one failover-test run has found so far, shared by its phases: each phase reads what earlier ones left and
/// adds its own. A phase that ends the run sets <see cref="Report"/> with <see cref="Finish"/>.
/// </summary>
internal sealed class FailoverRun(LbNode node, FailoverTestOptions options)
{
    private readonly List<string> _errors = [];
    private string? _holderBefore;
    private FailoverScenario? _scenario;
    private ObservationLoops? _loops;

    public LbNode Node => node;

    /// <summary>The tier's run locks this run took; the runner releases them when the run ends.</summary>
    public List<IAsyncDisposable> RunLocks { get; } = [];

    public FailoverTestOptions Options => options;

    public VerificationReport? Before { get; set; }

    public string HolderBefore
    {
        get => _holderBefore ?? throw NotYet(nameof(HolderBefore));
        set => _holderBefore = value;
    }

    public IReadOnlyList<NodeClock> Clocks { get; set; } = [];

    public FailoverScenario Scenario
    {
        get => _scenario ?? throw NotYet(nameof(Scenario));
        set => _scenario = value;
    }

    /// <summary>The preparation, when there was one and the run went on to measure.</summary>
    public FaultActionRecord? Prepared { get; set; }

    public ObservationLoops Loops
    {
        get => _loops ?? throw NotYet(nameof(Loops));
        set => _loops = value;
    }

    /// <summary>When sampling began.</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>Null until the fault action has returned.</summary>
    public FaultActionRecord? Fault { get; set; }

    public FaultActionRecord? Restore { get; set; }

    /// <summary>Cancelled (Ctrl+C) while measuring the failover or waiting for the failback.</summary>
    public bool Interrupted { get; set; }

    /// <summary>The failover measurement broke off with an error.</summary>
    public bool Broken { get; set; }

    /// <summary>When the run stopped observing.</summary>
    public DateTimeOffset End { get; set; }

    public IReadOnlyList<ProbeSample> Probes { get; set; } = [];

    public VerificationReport? After { get; set; }

    public FailoverTestReport? Report { get; private set; }

    /// <summary>Safe to call from several nodes' tasks at once.</summary>
    public void AddError(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    /// <summary>Ends the run: the report holds whatever the run has found so far.</summary>
    public void Finish(FailoverOutcome outcome, string summary, FailoverObservation? observation = null, FailoverAnalysis? analysis = null,
        IReadOnlyList<AddressAnalysis>? otherAddresses = null)
    {
        List<string> errors;
        lock (_errors) errors = _errors.ToList();
        Report = new FailoverTestReport(node.Name, options.Mode, outcome, summary, Before, After, observation, analysis, Clocks, errors)
        {
            OtherAddresses = otherAddresses ?? [],
        };
    }

    private static InvalidOperationException NotYet(string what) => new($"failover-test: {what} is not known yet at this phase");
}
