using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// The script that holds a node's run lock while the control host keeps beating. It opens the lock file on fd 9 and
/// takes it with `flock` (at once, or waiting at most <c>waitSeconds</c> for a dying holder), writes the owner
/// record next to it, prints <see cref="TakenMarker"/> and then reads one byte at a time from standard input: each
/// beat touches the owner record (its age tells other runs the holder is alive). When no beat came for
/// <c>holderTimeoutSeconds</c>, or standard input ends, the script exits and the kernel releases the lock with the
/// file descriptor; so a run whose link was cut (its FIN never reaches the node) lets go within that timeout.
/// When another run holds the lock, it prints <see cref="BeatAgePrefix"/> and the age in seconds of that run's last
/// beat (measured with the node's clock only), then that run's owner record, and exits with
/// <see cref="HeldExitStatus"/>.
/// <para>
/// Like every script, the body is one function run with stdin from /dev/null, but with the channel's standard input
/// (the beats) on fd 3, read only by `dd`. The function ends in `exit`, so the shell, which parsed the whole script
/// (sent before the first beat) before calling it, never reads a beat as a command.
/// </para>
/// </summary>
public static class RunLockScript
{
    public const string DefaultLockPath = "/run/halb-deploy.lock";

    /// <summary>The line the script prints once it holds the lock.</summary>
    public const string TakenMarker = "halb-deploy-run-lock-taken";

    /// <summary>Starts the line that gives the holder's last beat age in seconds, ahead of its owner record.</summary>
    public const string BeatAgePrefix = RunLockHolder.BeatAgePrefix;

    /// <summary>The byte the control host writes as a beat (not a line break: the shell's $(...) would drop it).</summary>
    public const byte Beat = (byte)'.';

    private const string Function = "halb_lock";

    /// <summary>Another run holds the lock (EX_TEMPFAIL).</summary>
    public const int HeldExitStatus = 75;

    /// <summary>
    /// The script; <paramref name="ownerLine"/> must not hold a single quote (<see cref="RunLockOwner.Line"/> never
    /// does). <paramref name="waitSeconds"/> 0 takes the lock only if it is free now.
    /// </summary>
    public static string For(string ownerLine, int waitSeconds = 0, string lockPath = DefaultLockPath,
        int holderTimeoutSeconds = RunLockTiming.HolderTimeoutSeconds)
    {
        if (ownerLine.Contains('\'') || ownerLine.Contains('\n') || lockPath.Contains('\'') || lockPath.Contains('\n'))
            throw new ArgumentException("the owner line and the lock path must be one line without single quotes");
        ArgumentOutOfRangeException.ThrowIfNegative(waitSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(holderTimeoutSeconds, 1);
        var take = waitSeconds == 0 ? "flock -n 9" : $"flock -w {waitSeconds} 9";
        return ScriptKit.ExportedPathPrelude + ScriptKit.FunctionStart(Function) + $$"""
            lock='{{lockPath}}'
            for tool in flock timeout dd stat; do
              command -v "$tool" >/dev/null 2>&1 || { echo "halb-deploy: $tool is not installed; the run lock needs it (flock: util-linux, the others: coreutils)" >&2; exit 69; }
            done
            exec 9>>"$lock" || { echo "halb-deploy: cannot open $lock" >&2; exit 73; }
            if ! {{take}}; then
              beat=$(stat -c %Y "$lock.owner" 2>/dev/null || echo 0)
              echo "{{BeatAgePrefix}}$(( $(date +%s) - beat ))"
              cat "$lock.owner" 2>/dev/null || echo "an unknown run (no owner record)"
              exit {{HeldExitStatus}}
            fi
            printf '%s\n' '{{ownerLine}}' > "$lock.owner"
            echo {{TakenMarker}}
            while got=$(timeout {{holderTimeoutSeconds}} dd bs=1 count=1 status=none <&3 2>/dev/null 9>&- 3<&-) && [ -n "$got" ]; do
              touch "$lock.owner" 9>&- 3<&-
            done
            exit 0
            }

            """ + ScriptKit.CallWithInputOn3(Function);
    }
}
