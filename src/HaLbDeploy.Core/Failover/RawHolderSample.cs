namespace HaLbDeploy.Core.Failover;

/// <summary>One line of the sampler: the node's own clock (Unix epoch, nanoseconds) and whether it held the VIP.</summary>
public sealed record RawHolderSample(long EpochNanoseconds, bool HoldsVip);
