using System.Globalization;
using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Ports;

/// <summary>
/// The run that holds a node's lock, as the lock script reports it when it cannot take the lock: the age of the
/// holder's last beat (seconds, by the node's clock; null when the script gave none) and its owner record. What the
/// record says is shown only after <see cref="RunLockOwner.Describe"/>; the record is on the node and could hold
/// anything.
/// </summary>
public sealed partial record RunLockHolder(int? BeatAgeSeconds, string OwnerText)
{
    /// <summary>Starts the line of the lock script that gives the holder's last beat age in seconds.</summary>
    public const string BeatAgePrefix = "halb-deploy-run-lock-beat-age ";

    /// <summary>The holder's run id when its record is an owner line (see <see cref="RunLockOwner.Line"/>).</summary>
    public string? RunId => OwnerLinePattern().Match(RunLockOwner.Describe(OwnerText)) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>
    /// Whether the holder beat recently enough to be alive: refuse at once. A record whose mtime is ahead of the
    /// node's clock was touched just now too. An unknown age is not fresh: the holder of an unbeaten lock is waited for.
    /// </summary>
    public bool BeatIsFresh => BeatAgeSeconds is { } age && age < RunLockTiming.FreshWithinSeconds;

    /// <summary>
    /// Whether to wait (at most <see cref="RunLockTiming.StaleWait"/>) for this holder to let go rather than refuse:
    /// its beat is stale (a holder dying after its run's link was cut), or it is this same run, whose lock channel
    /// was lost with an old connection.
    /// </summary>
    public bool IsWorthWaitingFor(string ownRunId) => !BeatIsFresh || RunId == ownRunId;

    /// <summary>What a refusal shows: the owner line, and how long ago the holder last beat.</summary>
    public string Describe() =>
        RunLockOwner.Describe(OwnerText) + (BeatAgeSeconds is { } age ? $" (last beat {Math.Max(age, 0)} s ago)" : "");

    /// <summary>Reads the lock script's output: the beat age line (when first) and the owner record after it.</summary>
    public static RunLockHolder Parse(string output)
    {
        var text = output.Replace("\r", "", StringComparison.Ordinal);
        if (!text.StartsWith(BeatAgePrefix, StringComparison.Ordinal)) return new RunLockHolder(null, text);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var ageText = end < 0 ? text[BeatAgePrefix.Length..] : text[BeatAgePrefix.Length..end];
        var rest = end < 0 ? "" : text[(end + 1)..];
        return int.TryParse(ageText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var age)
            ? new RunLockHolder(age, rest)
            : new RunLockHolder(null, rest);
    }

    [GeneratedRegex(@"^run ([0-9A-Za-z._@+-]{1,64}) by ", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerLinePattern();
}
