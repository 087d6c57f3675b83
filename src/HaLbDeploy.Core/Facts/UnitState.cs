namespace HaLbDeploy.Core.Facts;

/// <summary>A systemd unit as `systemctl show` describes it.</summary>
/// <param name="Name">The unit id, e.g. "haproxy.service".</param>
/// <param name="LoadState">"loaded", "not-found" (not installed), "masked", ...</param>
/// <param name="UnitFileState">"enabled", "disabled", "static", "masked", or "" when there is no unit file.</param>
/// <param name="ActiveState">"active", "inactive", "failed", "activating", "reloading", ...</param>
/// <param name="SubState">"running", "dead", "exited", ...</param>
/// <param name="MainPid">The main process; null when not running.</param>
/// <param name="ActiveEnterTimestampMonotonic">When the unit last became active, microseconds of CLOCK_MONOTONIC;
/// null when it never was.</param>
/// <param name="InvocationId">A new id per start (systemd 232+); null on older systemd (CentOS 7) or when never
/// started.</param>
public sealed record UnitState(
    string Name,
    string LoadState,
    string UnitFileState,
    string ActiveState,
    string SubState,
    int? MainPid,
    long? ActiveEnterTimestampMonotonic,
    string? InvocationId)
{
    /// <summary>systemd knows the unit: loaded, masked or broken, anything but "not-found".</summary>
    public bool Exists => LoadState is not ("" or "not-found");

    /// <summary>Linked to /dev/null: it cannot start until unmasked (Debian masks a removed package's unit).</summary>
    public bool Masked => LoadState == "masked" || UnitFileState.StartsWith("masked", StringComparison.Ordinal);

    /// <summary>Starts at boot.</summary>
    public bool Enabled => UnitFileState is "enabled" or "enabled-runtime";

    public bool Active => ActiveState == "active";

    /// <summary>
    /// True when this reading belongs to a later start of the unit than <paramref name="earlier"/>: a restart
    /// (or a stop and start) happened between the two. A reload keeps the invocation, start time and main PID.
    /// False when the unit is not active now.
    /// </summary>
    public bool WasRestartedSince(UnitState earlier)
    {
        if (!Active) return false;
        if (InvocationId is not null && earlier.InvocationId is not null) return InvocationId != earlier.InvocationId;
        if (ActiveEnterTimestampMonotonic is not null && earlier.ActiveEnterTimestampMonotonic is not null)
            return ActiveEnterTimestampMonotonic != earlier.ActiveEnterTimestampMonotonic;
        return MainPid != earlier.MainPid;
    }
}
