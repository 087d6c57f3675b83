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
/// <para>
/// With a read (<c>readOnceTaken</c>), the script runs that read-only script once it holds the lock, before it prints
/// <see cref="TakenMarker"/>: one round trip instead of two for a run that takes the lock and then reads the node's
/// facts. The read gets its own `sh -s` (its text as a quoted here-document, so nothing in it is expanded by the
/// lock's shell) with the lock's descriptors closed; its standard output goes out as it is, then a line
/// <see cref="ReadExitPrefix"/> with its exit status, then what it wrote on standard error.
/// <see cref="ReadOnceTaken"/> takes that apart again.
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

    /// <summary>Starts the line, after the read's standard output, that gives the read's exit status.</summary>
    public const string ReadExitPrefix = "halb-deploy-run-lock-read-exit ";

    private const string Function = "halb_lock";
    private const string ReadFunction = "halb_locked_read";
    private const string ReadEnd = "HALB_LOCKED_READ_END";

    /// <summary>Another run holds the lock (EX_TEMPFAIL).</summary>
    public const int HeldExitStatus = 75;

    /// <summary>
    /// The script; <paramref name="ownerLine"/> must not hold a single quote (<see cref="RunLockOwner.Line"/> never
    /// does). <paramref name="waitSeconds"/> 0 takes the lock only if it is free now. <paramref name="readOnceTaken"/>,
    /// when given, is a whole read-only script run once the lock is held (see the remarks on the type).
    /// </summary>
    public static string For(string ownerLine, int waitSeconds = 0, string lockPath = DefaultLockPath,
        int holderTimeoutSeconds = RunLockTiming.HolderTimeoutSeconds, string? readOnceTaken = null)
    {
        if (ownerLine.Contains('\'') || ownerLine.Contains('\n') || lockPath.Contains('\'') || lockPath.Contains('\n'))
            throw new ArgumentException("the owner line and the lock path must be one line without single quotes");
        ArgumentOutOfRangeException.ThrowIfNegative(waitSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(holderTimeoutSeconds, 1);
        var take = waitSeconds == 0 ? "flock -n 9" : $"flock -w {waitSeconds} 9";
        return ScriptKit.ExportedPathPrelude + ReadDefinition(readOnceTaken) + ScriptKit.FunctionStart(Function) + $$"""
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
            {{(readOnceTaken is null ? "" : ReadCall)}}echo {{TakenMarker}}
            while got=$(timeout {{holderTimeoutSeconds}} dd bs=1 count=1 status=none <&3 2>/dev/null 9>&- 3<&-) && [ -n "$got" ]; do
              touch "$lock.owner" 9>&- 3<&-
            done
            exit 0
            }

            """ + ScriptKit.CallWithInputOn3(Function);
    }

    /// <summary>
    /// Runs the read with standard error captured apart (stdout on fd 4, the channel), then prints the status line and
    /// the captured standard error; ends in a newline, ahead of the taken marker.
    /// </summary>
    private const string ReadCall = "exec 4>&1\n" +
        "read_err=$(" + ReadFunction + " 2>&1 >&4 4>&- 3<&- 9>&-)\n" +
        "read_status=$?\n" +
        "exec 4>&-\n" +
        "printf '\\n%s%s\\n' '" + ReadExitPrefix + "' \"$read_status\"\n" +
        "[ -z \"$read_err\" ] || printf '%s\\n' \"$read_err\"\n";

    private static string ReadDefinition(string? readOnceTaken)
    {
        if (readOnceTaken is null) return "";
        if (readOnceTaken.Split('\n').Contains(ReadEnd))
            throw new ArgumentException($"the read script must not hold a line '{ReadEnd}'", nameof(readOnceTaken));
        var body = readOnceTaken.EndsWith('\n') ? readOnceTaken : readOnceTaken + "\n";
        return ScriptKit.FunctionStart(ReadFunction) + $"sh -s <<'{ReadEnd}'\n" + body + ReadEnd + "\n}\n";
    }

    /// <summary>
    /// The read's result from what a lock script with a read printed before <see cref="TakenMarker"/>: its standard
    /// output exactly, its exit status and its standard error.
    /// </summary>
    /// <exception cref="FormatException">The output holds no status line: the script was not one with a read.</exception>
    public static ScriptResult ReadOnceTaken(string outputBeforeTaken)
    {
        var at = outputBeforeTaken.IndexOf("\n" + ReadExitPrefix, StringComparison.Ordinal);
        if (at < 0) throw new FormatException("the run lock script printed no status line for its read");
        var statusStart = at + 1 + ReadExitPrefix.Length;
        var statusEnd = outputBeforeTaken.IndexOf('\n', statusStart);
        if (statusEnd < 0) statusEnd = outputBeforeTaken.Length;
        if (!int.TryParse(outputBeforeTaken.AsSpan(statusStart, statusEnd - statusStart), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
            throw new FormatException($"the run lock script's read status '{outputBeforeTaken[statusStart..statusEnd]}' is not a number");
        var error = statusEnd < outputBeforeTaken.Length ? outputBeforeTaken[(statusEnd + 1)..] : "";
        return new ScriptResult(status, outputBeforeTaken[..at], error);
    }
}
