namespace HaLbDeploy.Core.Model;

/// <summary>
/// keepalived's election, decided here once for apply, verify and failover-test: of the nodes that compete, the
/// one with the highest priority holds the VIP. Priorities are unique (validation sees to it), so there is no tie.
/// </summary>
public static class VrrpElection
{
    /// <summary>The node the election picks among <paramref name="competing"/>, or null when none competes.</summary>
    public static T? Winner<T>(IEnumerable<T> competing, Func<T, int> priority) where T : class =>
        competing.MaxBy(priority);

    /// <summary>
    /// The node that settles as the holder: with preempt the winner among the nodes whose services are up (a
    /// takeover by it may still be coming); with nopreempt any single holder is settled, so null.
    /// </summary>
    public static T? SettledHolder<T>(bool preempt, IEnumerable<T> live, Func<T, int> priority) where T : class =>
        preempt ? Winner(live, priority) : null;

    /// <summary>The nodes in the order the election prefers them: highest priority first.</summary>
    public static IOrderedEnumerable<T> ByPreference<T>(IEnumerable<T> nodes, Func<T, int> priority, Func<T, string> name) =>
        nodes.OrderByDescending(priority).ThenBy(name, StringComparer.Ordinal);
}
