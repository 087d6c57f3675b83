using System.Globalization;

namespace HaLbDeploy.Core.Ports;

/// <summary>
/// Who holds a tier's run lock, as the lock's owner line tells other runs: the run id, the local user, the control
/// host and when the run started (UTC, ISO 8601). No secrets. Every part is cut down to characters that are safe
/// in a single-quoted shell word and on a terminal.
/// </summary>
public sealed record RunLockOwner(string RunId, string User, string ControlHost, DateTimeOffset Started)
{
    private const int MaxPartLength = 64;

    /// <summary>The owner line, e.g. "run 1a2b3c by alice on ctl1 since 2026-12-01T23:10:02Z".</summary>
    public string Line =>
        $"run {Safe(RunId)} by {Safe(User)} on {Safe(ControlHost)} since {Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// What another run's owner line says, made fit to show: its first line only, control characters and quotes
    /// dropped, at most 200 characters. The file is on the node and could hold anything.
    /// </summary>
    public static string Describe(string ownerText)
    {
        var first = ownerText.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var clean = new string(first.Where(c => !char.IsControl(c) && c is not ('\'' or '"' or '`' or '\\')).ToArray());
        if (clean.Length == 0) return "an unknown run (no owner line)";
        return clean.Length > 200 ? clean[..200] + "…" : clean;
    }

    private static string Safe(string part)
    {
        var safe = new string(part.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+').Take(MaxPartLength).ToArray());
        return safe.Length == 0 ? "unknown" : safe;
    }
}
