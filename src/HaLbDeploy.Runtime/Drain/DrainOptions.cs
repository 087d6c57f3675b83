using HaLbDeploy.Core.Drain;

namespace HaLbDeploy.Runtime.Drain;

/// <summary>What to drain or undrain, and how long drain waits for the server's sessions to end (zero: not at all).</summary>
public sealed record DrainOptions(string Backend, ServerAdminState State, TimeSpan Timeout)
{
    /// <summary>How often drain reads the sessions while it waits.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest one node may take to answer one script.</summary>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
