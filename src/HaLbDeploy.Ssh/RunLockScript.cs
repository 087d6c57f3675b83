namespace HaLbDeploy.Ssh;

/// <summary>
/// The script that holds a node's run lock for as long as its SSH channel is open. It opens the lock file on fd 9,
/// takes it with `flock -n` (never waits), writes the owner line next to it, prints <see cref="TakenMarker"/> and
/// then reads standard input until EOF. Closing the channel (the run ends, or its process is killed and sshd sees
/// the connection go) ends the script, and the kernel releases the lock with the file descriptor. When another run
/// holds the lock, it prints that run's owner line and exits with <see cref="HeldExitStatus"/>.
/// </summary>
public static class RunLockScript
{
    public const string DefaultLockPath = "/run/halb-deploy.lock";

    /// <summary>The line the script prints once it holds the lock.</summary>
    public const string TakenMarker = "halb-deploy-run-lock-taken";

    /// <summary>Another run holds the lock (EX_TEMPFAIL).</summary>
    public const int HeldExitStatus = 75;

    /// <summary>The script; <paramref name="ownerLine"/> must not hold a single quote (<see cref="Core.Ports.RunLockOwner.Line"/> never does).</summary>
    public static string For(string ownerLine, string lockPath = DefaultLockPath)
    {
        if (ownerLine.Contains('\'') || ownerLine.Contains('\n') || lockPath.Contains('\'') || lockPath.Contains('\n'))
            throw new ArgumentException("the owner line and the lock path must be one line without single quotes");
        return $$"""
            lock='{{lockPath}}'
            command -v flock >/dev/null 2>&1 || { echo "halb-deploy: flock (util-linux) is not installed; the run lock needs it" >&2; exit 69; }
            exec 9>>"$lock" || { echo "halb-deploy: cannot open $lock" >&2; exit 73; }
            if ! flock -n 9; then
              cat "$lock.owner" 2>/dev/null || echo "an unknown run (no owner line)"
              exit {{HeldExitStatus}}
            fi
            printf '%s\n' '{{ownerLine}}' > "$lock.owner"
            echo {{TakenMarker}}
            cat >/dev/null
            """;
    }
}
