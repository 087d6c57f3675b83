using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Shell;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// What every POSIX sh script halb-deploy runs on a node is made of, written once: the fixed PATH (and C locale)
/// set before the first command, the function the body runs in with stdin from /dev/null, shell quoting, and the
/// guard for a tool the node may lack. The lines the scripts print for the orchestrator follow
/// <see cref="ScriptMarkers"/>. The preludes differ only in what they export and whether unset variables are
/// errors; each script keeps the one it was written with, since the script texts are pinned byte for byte.
/// </summary>
public static class ScriptKit
{
    /// <summary>
    /// The PATH every script sets: sudo and non-login shells may lack the sbin directories, and the caller's PATH
    /// could hold an empty entry (the working directory) where a missing tool would then be looked up.
    /// </summary>
    public const string SearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// The fixed PATH. A PATH the shell got from its environment (sshd always passes one) is exported already, so
    /// the commands the script starts get the fixed one too.
    /// </summary>
    public const string PathPrelude = "PATH=" + SearchPath + "\n";

    /// <summary>The fixed PATH, exported explicitly: also for a shell that was started without one.</summary>
    public const string ExportedPathPrelude = PathPrelude + "export PATH\n";

    /// <summary>The fixed PATH and the C locale, exported: what the read scripts parse reads the same on every node.</summary>
    public const string ReadPrelude = PathPrelude + "LC_ALL=C\nexport PATH LC_ALL\n";

    /// <summary>The apply scripts' start: an unset variable is an error, and the fixed PATH and the C locale are exported.</summary>
    public const string ChangePrelude = "set -u\n" + PathPrelude + "export PATH LC_ALL=C\n";

    /// <summary>halb_has TOOL: whether the node has the command, for scripts that report a missing tool instead of failing.</summary>
    public const string HasFunction = "halb_has() { command -v \"$1\" >/dev/null 2>&1; }\n";

    /// <summary>The last line of the read scripts: whatever happened, the output is what tells.</summary>
    public const string ExitZero = "exit 0\n";

    /// <summary>
    /// The script arrives on sh's stdin: a command that reads stdin (apt-get, systemctl asking for a password)
    /// would swallow the rest of it. So the whole body is one function, run with stdin from /dev/null.
    /// </summary>
    public static string AsFunction(string name, string body) => FunctionStart(name) + body + FunctionEnd(name);

    /// <summary>The opening of <see cref="AsFunction"/>, for a body that is appended piece by piece.</summary>
    public static string FunctionStart(string name) => name + "() {\n";

    /// <summary>The closing of <see cref="AsFunction"/>: the function ends and is called.</summary>
    public static string FunctionEnd(string name) => "}\n" + Call(name);

    /// <summary>Calls a function of the script with stdin from /dev/null.</summary>
    public static string Call(string name) => name + " </dev/null\n";

    /// <summary>
    /// Calls a function with stdin from /dev/null and the script's own stdin on fd 3, for a body that must read what
    /// comes after the script (the run lock's beats). The function must end in `exit`: a shell that returned from it
    /// would read that input as more script.
    /// </summary>
    public static string CallWithInputOn3(string name) => name + " 3<&0 </dev/null\n";

    /// <summary>The text as exactly one shell word (see <see cref="ShellQuote.Single"/>).</summary>
    public static string Quote(string text) => ShellQuote.Single(text);

    /// <summary>The RPM-family package tool a node's scripts call: dnf where the node has it, else yum.</summary>
    public static string RpmTool(PackageManager manager) => manager == PackageManager.Dnf ? "dnf" : "yum";
}
