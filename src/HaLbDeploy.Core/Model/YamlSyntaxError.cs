using HaLbDeploy.Core.Validation;
using YamlDotNet.Core;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Turns what YamlDotNet throws into a located <see cref="YamlFinding"/>. Its own text is kept only for the fixed
/// sentences of its scanner and parser ("While scanning …"), since other messages quote the input ("The anchor
/// 'Pa55wd' does not exist", "Duplicate key …"). A tab in the indentation, a bracket never closed and the errors
/// it gives no position for are pointed at where they are, not at 1:1.
/// </summary>
internal static class YamlSyntaxError
{
    private static readonly string[] FixedSentences = ["While ", "Did not find expected", "Reached the end of the stream"];

    public static YamlFinding Locate(Exception error, string text, YamlPreScan scan)
    {
        var reason = error is YamlException yaml ? Trim(yaml.InnerException?.Message ?? yaml.Message) : "";
        var at = error is YamlException located && located.Start.Line > 0 ? located.Start : scan.LastEventStart;
        if (reason.StartsWith("Duplicate key", StringComparison.Ordinal) || reason.StartsWith("Encountered duplicate key", StringComparison.Ordinal))
            return Found(at, "Duplicate key: this key is already written above in the same section", "remove one of the two keys with the same name");
        if (reason.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text, (int)at.Line) is { } tab)
            return new YamlFinding(tab, "yaml-syntax", "a tab in the indentation: YAML indents with spaces only", "replace the tab with spaces");
        if (scan.OpenFlow is { } open && (error is not YamlException || at.Index >= text.TrimEnd().Length))
            return InsideBracket(open.Start, open.Bracket, text);
        var known = FixedSentences.Any(s => reason.StartsWith(s, StringComparison.Ordinal));
        var stillOpen = scan.OpenFlow is { } flow ? $" (the `{flow.Bracket}` opened at line {flow.Start.Line}, column {flow.Start.Column} is still open)" : "";
        return Found(at, (known ? reason : "the YAML is malformed here") + stillOpen,
            "fix the YAML syntax here (indentation, a missing ':' or an unclosed bracket or quote)");
    }

    /// <summary>An error at the end of the text, or one YamlDotNet gives no position for, inside a `[` or `{`: pointed at the bracket.</summary>
    private static YamlFinding InsideBracket(Mark open, char bracket, string text)
    {
        var close = bracket == '[' ? ']' : '}';
        return text.IndexOf(close, (int)Math.Min(open.Index + 1, text.Length)) < 0
            ? Found(open, $"this `{bracket}` is never closed", $"close it with `{close}` where the list or section ends")
            : Found(open, $"the YAML inside this `{bracket}` is malformed", $"check what it holds: entries separated by `,`, no `- ` lines, closed by `{close}`");
    }

    /// <summary>The first tab in a line's leading whitespace, searched from <paramref name="fromLine"/> on, then from the top.</summary>
    private static SourcePosition? FirstIndentingTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        var order = Enumerable.Range(Math.Max(fromLine, 1) - 1, Math.Max(lines.Length - Math.Max(fromLine, 1) + 1, 0)).Concat(Enumerable.Range(0, lines.Length));
        foreach (var index in order)
        {
            var line = lines[index];
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indent);
            if (tab >= 0) return new SourcePosition(index + 1, tab + 1);
        }
        return null;
    }

    private static string Trim(string reason)
    {
        // YamlDotNet may put the position in the message too; it is already printed in front.
        var cut = reason.IndexOf("(Line:", StringComparison.Ordinal);
        return (cut > 0 ? reason[..cut] : reason).Trim().TrimEnd('.');
    }

    private static YamlFinding Found(Mark at, string message, string fix) =>
        new(at.Line > 0 ? new SourcePosition((int)at.Line, (int)at.Column) : SourcePosition.WholeFile, "yaml-syntax", message, fix);
}
