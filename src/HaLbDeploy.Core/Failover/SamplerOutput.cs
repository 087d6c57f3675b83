namespace HaLbDeploy.Core.Failover;

/// <summary>What one run of <see cref="VipSamplerScript"/> printed, on the node's clock.</summary>
/// <param name="KeepalivedStartedEpochMilliseconds">When keepalived's running main process started (node clock), null when it was not running.</param>
/// <param name="Complete">The end marker came: the run was not cut short.</param>
public sealed record SamplerOutput(long? KeepalivedStartedEpochMilliseconds, IReadOnlyList<RawHolderSample> Samples, bool Complete);
