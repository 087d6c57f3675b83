namespace HaLbDeploy.Runtime.FailoverTest.Phases;

/// <summary>
/// One step of failover-test. The phases run in order on one <see cref="FailoverRun"/>, each reading what earlier
/// ones left there; once a phase has set the run's report, the rest are skipped. A phase deals with cancellation
/// itself (it turns Ctrl+C into run state or a report) instead of throwing, and uses no token where it must run to
/// the end: the runner between phases never looks at the token.
/// </summary>
internal interface IFailoverPhase
{
    /// <summary>What the phase is called in the code and in logs; the progress lines carry their own tags.</summary>
    string Name { get; }

    /// <summary>Runs also when an earlier phase threw (the restore); the error is rethrown after it.</summary>
    bool RunsAfterAnError => false;

    Task RunAsync(FailoverRun run, CancellationToken cancellationToken);
}
