namespace HaLbDeploy.Core.Failover;

/// <summary>What failover-test does and how finely it measures.</summary>
/// <param name="Hooks">Out-of-band commands; they replace the built-in action of any mode and are required for link-down and power-off.</param>
public sealed record FailoverTestOptions(string NodeName, FailoverMode Mode, FaultHooks? Hooks)
{
    /// <summary>How often each node's sampler looks at its addresses.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the control host probes the VIP.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A probe that takes longer has failed.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one sampler run lasts on a node (runs follow each other, overlapping a little).</summary>
    public TimeSpan SamplerRun { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Sampling and probing before the fault, so the timeline shows the state before.</summary>
    public TimeSpan Lead { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>How long the expected holder must hold the VIP alone before a phase counts as settled.</summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Extra time a phase may wait beyond twice its bound before it is judged as it stands.</summary>
    public TimeSpan PhaseSlack { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a restored node may take to come back (boot, sshd) before the failback is judged as it stands.</summary>
    public TimeSpan RestoreAllowance { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>After the failback, how long verify may take to turn healthy (haproxy's checks rise again).</summary>
    public TimeSpan AfterVerifyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A hard limit for the whole test: every loop stops by then.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);
}
