namespace HaLbDeploy.Core.Failover;

/// <summary>The command-line names of <see cref="FailoverMode"/>: stop, kill-haproxy, link-down, power-off.</summary>
public static class FailoverModeNames
{
    private static readonly (FailoverMode Mode, string Name)[] Names =
    [
        (FailoverMode.Stop, "stop"),
        (FailoverMode.KillHaproxy, "kill-haproxy"),
        (FailoverMode.LinkDown, "link-down"),
        (FailoverMode.PowerOff, "power-off"),
    ];

    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToList();

    public static string Name(FailoverMode mode) => Names.First(n => n.Mode == mode).Name;

    public static bool TryParse(string text, out FailoverMode mode)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }
        mode = default;
        return false;
    }

    /// <summary>link-down and power-off cannot be caused over SSH in a way that undoes itself: they need hooks.</summary>
    public static bool NeedsHooks(FailoverMode mode) => mode is FailoverMode.LinkDown or FailoverMode.PowerOff;
}
