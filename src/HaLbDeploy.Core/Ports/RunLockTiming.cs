namespace HaLbDeploy.Core.Ports;

/// <summary>
/// The run lock's heartbeat, in whole seconds (the node's clock counts in seconds): the control host beats every
/// <see cref="BeatInterval"/>; the node-side holder lets go after <see cref="HolderTimeout"/> without a beat; a
/// beat younger than <see cref="FreshWithin"/> means a live holder (refuse at once), an older one a dying holder,
/// waited for at most <see cref="StaleWait"/> (a little over the holder's timeout).
/// </summary>
public static class RunLockTiming
{
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(1);

    public const int HolderTimeoutSeconds = 5;

    public const int FreshWithinSeconds = 3;

    public const int StaleWaitSeconds = HolderTimeoutSeconds + 3;

    public static TimeSpan HolderTimeout => TimeSpan.FromSeconds(HolderTimeoutSeconds);

    public static TimeSpan FreshWithin => TimeSpan.FromSeconds(FreshWithinSeconds);

    public static TimeSpan StaleWait => TimeSpan.FromSeconds(StaleWaitSeconds);
}
