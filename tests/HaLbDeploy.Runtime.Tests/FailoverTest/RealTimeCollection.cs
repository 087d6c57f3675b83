namespace HaLbDeploy.Runtime.Tests.FailoverTest;

/// <summary>
/// Tests that measure on the real clock run alone: other test classes block thread-pool threads (local shells),
/// and a starved pool stalls probe and sampler loops for up to a second.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real time";
}
