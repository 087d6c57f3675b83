namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Lines our node scripts print so the orchestrator can tell outcomes apart from tool output: each starts with
/// <see cref="Prefix"/>, which no tool we run prints at the start of a line.
/// </summary>
public static class ScriptMarkers
{
    public const string Prefix = "@@halb ";

    /// <summary>The last line of a read script's output: without it, the output was cut short.</summary>
    public const string End = Prefix + "end";

    public const string Invalid = Prefix + "invalid ";
    public const string RolledBack = Prefix + "rolled-back";
    public const string Done = Prefix + "done";
    public const string BadDigest = Prefix + "bad-digest ";

    /// <summary>Exit codes of the apply scripts.</summary>
    public const int ExitInvalidConfig = 3;
    public const int ExitRolledBack = 4;
    public const int ExitWriteFailed = 5;
    public const int ExitPackageDigestMismatch = 6;

    /// <summary>The package files named by "@@halb bad-digest NAME" lines: their copy on the node is not the file sent.</summary>
    public static IReadOnlyList<string> BadDigestFiles(string output) =>
        output.Split('\n').Where(l => l.StartsWith(BadDigest, StringComparison.Ordinal)).Select(l => l[BadDigest.Length..].Trim()).ToList();

    /// <summary>The paths named by "@@halb invalid PATH" lines, with the tool output that followed each.</summary>
    public static IReadOnlyList<string> InvalidPaths(string output) =>
        output.Split('\n').Where(l => l.StartsWith(Invalid, StringComparison.Ordinal)).Select(l => l[Invalid.Length..].Trim()).ToList();
}
