using System.Security.Cryptography;
using System.Text;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Ssh;

/// <summary>
/// How scripts are run: a shell reads the script from standard input, so the script (and any secret in it) never
/// shows on a command line or in `ps`. Each run is tagged with a random id in the environment of its processes, so
/// that a cancelled run can be found and stopped on the node (see <see cref="StopScript"/>).
/// <para>
/// With sudo and a password, the password is the first line of standard input, and sudo may not read it: cached
/// credentials (timestamp_type=global), a NOPASSWD rule for the shell alone, or `!authenticate`. Whatever sudo leaves
/// unread must never reach a shell. So what sudo starts is not `sh -s` but a loop that reads standard input line by
/// line, runs nothing, and only at a marker line (random for each run, so the password cannot be it) execs `sh -s`
/// on the rest: the script. An unread password is discarded, never executed. `sudo -k` makes sudo ignore (and never
/// create) cached credentials, so whether it reads the password does not depend on what other sessions did.
/// </para>
/// </summary>
public sealed record RemoteShellCommand(BecomeMode Mode)
{
    public const string ShellReadingStdin = "sh -s";

    /// <summary>
    /// After the password come lines that are wrong passwords for sudo: when the password is wrong, sudo's further
    /// attempts (passwd_tries, 3 by default) read these instead of lines of the script. They are discarded like the
    /// password; nothing runs them.
    /// </summary>
    public const string PasswordGuardLine = ": sudo password guard";

    public const int PasswordGuardLineCount = 2;

    /// <summary>The environment variable that tags the processes of one run.</summary>
    public const string RunIdVariable = "HALB_DEPLOY_RUN";

    /// <summary>The marker line is this prefix and 32 random hex digits, fresh for every run.</summary>
    public const string StartMarkerPrefix = "halb-deploy-script-follows-";

    /// <summary>The exit status of the discarding loop when standard input ends before the marker (nothing ran).</summary>
    public const int NoStartMarkerExitStatus = 125;

    public const string NoStartMarkerMessage = "halb-deploy: standard input ended before the script began; nothing was run";

    private const string SudoWithoutPasswordPrefix = "sudo -k -n -- ";
    private const string SudoWithPasswordPrefix = "sudo -k -S -p '' -- ";

    /// <summary>How scripts are started, for logs and messages (the marker and run id differ for every run).</summary>
    public string CommandLine => Mode switch
    {
        BecomeMode.None => ShellReadingStdin,
        BecomeMode.SudoWithoutPassword => SudoWithoutPasswordPrefix + ShellReadingStdin,
        BecomeMode.SudoWithPassword => SudoWithPasswordPrefix + "sh -c '<discard standard input up to the run's marker line>; exec sh -s'",
        _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null),
    };

    public bool UsesSudo => Mode != BecomeMode.None;

    /// <summary>The mode the settings ask for; <see cref="SudoModeProbe"/> may relax a password mode when sudo needs none.</summary>
    public static RemoteShellCommand For(SshSettings settings) => new(
        !settings.Become ? BecomeMode.None
        : settings.BecomePasswordEnv is null ? BecomeMode.SudoWithoutPassword
        : BecomeMode.SudoWithPassword);

    public static string NewRunId() => Guid.NewGuid().ToString("N")[..16];

    public static string NewStartMarker() => StartMarkerPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A sudo password must be one line: sudo reads up to the first line break, the rest would be left over.</summary>
    public static bool IsSendable(Secret password) => password.Reveal().AsSpan().IndexOfAny('\n', '\r') < 0;

    /// <summary>
    /// The command line and standard input for one run of <paramref name="script"/>. A <paramref name="runId"/> tags
    /// the run's processes (<see cref="RunIdVariable"/>); without one the run is untagged (the stop script, which
    /// must not stop itself). Clear the returned input once it is sent.
    /// </summary>
    public RemoteInvocation Prepare(string script, Secret? becomePassword, string? runId)
    {
        if (Mode != BecomeMode.SudoWithPassword) return Prepare(script, becomePassword, runId, startMarker: "");
        var password = RequirePassword(becomePassword);
        string marker;
        do marker = NewStartMarker();
        while (password.Reveal().Contains(marker, StringComparison.Ordinal));
        return Prepare(script, password, runId, marker);
    }

    /// <summary>As <see cref="Prepare(string, Secret?, string?)"/> with a given marker (tests).</summary>
    internal RemoteInvocation Prepare(string script, Secret? becomePassword, string? runId, string startMarker)
    {
        var tag = runId is null ? "" : RequireSafeRunId(runId);
        switch (Mode)
        {
            case BecomeMode.None:
                return new RemoteInvocation(Tagged(tag) + ShellReadingStdin, Encode("", script));
            case BecomeMode.SudoWithoutPassword:
                return new RemoteInvocation(SudoWithoutPasswordPrefix + Tagged(tag) + ShellReadingStdin, Encode("", script));
            case BecomeMode.SudoWithPassword:
                var password = RequirePassword(becomePassword);
                RequireSafeMarker(startMarker);
                if (password.Reveal().Contains(startMarker, StringComparison.Ordinal))
                    throw new ArgumentException("the start marker must not occur in the password", nameof(startMarker));
                var head = new StringBuilder().Append(password.Reveal()).Append('\n');
                for (var i = 0; i < PasswordGuardLineCount; i++) head.Append(PasswordGuardLine).Append('\n');
                head.Append(startMarker).Append('\n');
                var text = head.ToString();
                head.Clear();
                return new RemoteInvocation(SudoWithPasswordPrefix + "sh -c " + DiscardUpToMarker(startMarker, tag), Encode(text, script));
            default:
                throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null);
        }
    }

    /// <summary>
    /// The program sudo starts in password mode, single-quoted for the login shell: read lines, run none, and at the
    /// marker exec `sh -s` (tagged with the run id) on what follows. `read -r` and `case` only compare text; nothing
    /// read before the marker is ever expanded or executed.
    /// </summary>
    private static string DiscardUpToMarker(string marker, string tag)
    {
        var start = tag.Length == 0 ? "exec sh -s" : $"export {RunIdVariable}={tag}; exec sh -s";
        return $"'while IFS= read -r line; do case $line in {marker}) {start};; esac; done; " +
               $"echo \"{NoStartMarkerMessage}\" >&2; exit {NoStartMarkerExitStatus}'";
    }

    /// <summary>
    /// `env` (after sudo, which would drop it) puts the tag into the environment of the shell and execs it, so every
    /// process of the run inherits the tag and the shell's own command line stays exactly <see cref="ShellReadingStdin"/>.
    /// </summary>
    private static string Tagged(string tag) => tag.Length == 0 ? "" : $"env {RunIdVariable}={tag} ";

    private static Secret RequirePassword(Secret? becomePassword)
    {
        var password = becomePassword ?? throw new InvalidOperationException("sudo with a password needs the password");
        if (!IsSendable(password)) throw new InvalidOperationException($"the sudo password from {password.Origin} holds a line break; it is never sent");
        return password;
    }

    /// <summary>
    /// The bytes sent on standard input: <paramref name="head"/> (password, guard lines, marker) then the script.
    /// Encoded straight into one array: an upload script carries megabytes of package files, and every intermediate
    /// copy would cost as much.
    /// </summary>
    private static byte[] Encode(string head, string script)
    {
        var newline = script.EndsWith('\n') ? 0 : 1;
        var bytes = new byte[Encoding.UTF8.GetByteCount(head) + Encoding.UTF8.GetByteCount(script) + newline];
        var at = Encoding.UTF8.GetBytes(head, bytes);
        at += Encoding.UTF8.GetBytes(script, bytes.AsSpan(at));
        if (newline == 1) bytes[at] = (byte)'\n';
        return bytes;
    }

    /// <summary>
    /// A script that stops every process of a run: it finds the processes tagged with the run id, and signals their
    /// whole sessions (sshd starts each command in a session of its own), TERM first and KILL after two seconds.
    /// Needed because sshd ignores SSH "signal" requests for root logins, and sudo passes a signal on only to the
    /// shell, not to the commands the shell started.
    /// </summary>
    public static string StopScript(string runId) => $$"""
        sids=$(for p in /proc/[0-9]*; do
          if tr '\0' '\n' < "$p/environ" 2>/dev/null | grep -qx '{{RunIdVariable}}={{RequireSafeRunId(runId)}}'; then ps -o sid= -p "${p#/proc/}"; fi
        done | tr -d ' ' | grep -v '^0*$' | sort -u | paste -sd, -)
        [ -n "$sids" ] || { echo "stopped none"; exit 0; }
        pkill -TERM -s "$sids"
        i=0
        while [ $i -lt 20 ] && pgrep -s "$sids" >/dev/null; do sleep 0.1; i=$((i+1)); done
        pkill -KILL -s "$sids" && echo "killed sessions $sids" || echo "stopped sessions $sids"
        """;

    private static string RequireSafeRunId(string runId) =>
        runId.Length is > 0 and <= 64 && runId.All(char.IsAsciiLetterOrDigit)
            ? runId
            : throw new ArgumentException("a run id is made of ASCII letters and digits", nameof(runId));

    private static void RequireSafeMarker(string marker)
    {
        if (marker.Length is < 16 or > 128 || !marker.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            throw new ArgumentException("a start marker is 16-128 ASCII letters, digits and dashes", nameof(marker));
    }
}
