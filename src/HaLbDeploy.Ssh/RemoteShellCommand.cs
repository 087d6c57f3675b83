using System.Text;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Ssh;

/// <summary>
/// The one command line used to run scripts: a shell that reads the script from standard input, so the script (and
/// any secret in it) never shows on a command line or in `ps`. With sudo and a password, the password is the first
/// line of standard input and the script follows. Each run is tagged with a random id in the environment of its
/// processes, so that a cancelled run can be found and stopped on the node (see <see cref="StopScript"/>).
/// </summary>
public sealed record RemoteShellCommand(BecomeMode Mode)
{
    public const string ShellReadingStdin = "sh -s";

    /// <summary>
    /// After the password come lines that are no-ops for sh but wrong passwords for sudo: when the password is wrong,
    /// sudo's further attempts (passwd_tries, 3 by default) read these instead of lines of the script.
    /// </summary>
    public const string PasswordGuardLine = ": sudo password guard";

    public const int PasswordGuardLineCount = 2;

    /// <summary>The environment variable that tags the processes of one run.</summary>
    public const string RunIdVariable = "HALB_DEPLOY_RUN";

    public string CommandLine => SudoPrefix + ShellReadingStdin;

    private string SudoPrefix => Mode switch
    {
        BecomeMode.None => "",
        BecomeMode.SudoWithoutPassword => "sudo -n -- ",
        BecomeMode.SudoWithPassword => "sudo -S -p '' -- ",
        _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null),
    };

    public bool UsesSudo => Mode != BecomeMode.None;

    /// <summary>
    /// The command line tagged with a run id: `env` (after sudo, which would drop it) puts the tag into the environment
    /// of the shell and execs it, so every process of the run inherits the tag and the shell's own command line stays
    /// exactly <see cref="ShellReadingStdin"/>. The id is random and not secret.
    /// </summary>
    public string CommandLineFor(string runId) => $"{SudoPrefix}env {RunIdVariable}={RequireSafeRunId(runId)} {ShellReadingStdin}";

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

    public static string NewRunId() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>The mode the settings ask for; <see cref="SudoModeProbe"/> may relax a password mode when sudo needs none.</summary>
    public static RemoteShellCommand For(SshSettings settings) => new(
        !settings.Become ? BecomeMode.None
        : settings.BecomePasswordEnv is null ? BecomeMode.SudoWithoutPassword
        : BecomeMode.SudoWithPassword);

    /// <summary>
    /// The bytes sent on standard input. The caller should clear the array after sending it. Encoded straight into
    /// one array: an upload script carries megabytes of package files, and every intermediate copy would cost as much.
    /// </summary>
    public byte[] BuildStandardInput(string script, Secret? becomePassword)
    {
        var prefix = new StringBuilder();
        if (Mode == BecomeMode.SudoWithPassword)
        {
            var password = becomePassword ?? throw new InvalidOperationException("sudo with a password needs the password");
            prefix.Append(password.Reveal()).Append('\n');
            for (var i = 0; i < PasswordGuardLineCount; i++) prefix.Append(PasswordGuardLine).Append('\n');
        }
        var head = prefix.ToString();
        prefix.Clear();
        var newline = script.EndsWith('\n') ? 0 : 1;
        var bytes = new byte[Encoding.UTF8.GetByteCount(head) + Encoding.UTF8.GetByteCount(script) + newline];
        var at = Encoding.UTF8.GetBytes(head, bytes);
        at += Encoding.UTF8.GetBytes(script, bytes.AsSpan(at));
        if (newline == 1) bytes[at] = (byte)'\n';
        return bytes;
    }

    private static string RequireSafeRunId(string runId) =>
        runId.Length is > 0 and <= 64 && runId.All(char.IsAsciiLetterOrDigit)
            ? runId
            : throw new ArgumentException("a run id is made of ASCII letters and digits", nameof(runId));
}
