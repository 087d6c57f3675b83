using System.Globalization;
using System.Text;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Input text as it may appear in a problem line: control characters, bidirectional overrides and line separators
/// written as escapes (`\x1b`, `\n`, `\u202e`), so an inventory cannot move the cursor, recolour the terminal or
/// fake a second error line; and long values cut short.
/// </summary>
public static class ShownText
{
    public const int MaxShownLength = 80;

    /// <summary>A duration as problem lines give it: seconds with at most 3 decimals ("0.3 s", "20 s").</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>The value in quotes, escaped, and cut to <see cref="MaxShownLength"/> characters with "…" when longer.</summary>
    public static string Quote(string value) => $"'{Escape(Cut(value))}'";

    /// <summary>The value cut to <see cref="MaxShownLength"/> characters, with "…" when it was longer.</summary>
    public static string Cut(string value) => value.Length > MaxShownLength ? value[..MaxShownLength] + "…" : value;

    /// <summary>The text with every character a terminal would act on written as an escape.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var shown = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                shown.Append(c).Append(text[++i]);
                continue;
            }
            shown.Append(NeedsEscape(c) ? EscapeOf(c) : c.ToString());
        }
        return shown.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or '\u061c'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || char.IsSurrogate(c);

    private static string EscapeOf(char c) => c switch
    {
        '\n' => @"\n",
        '\r' => @"\r",
        '\t' => @"\t",
        <= '\u00ff' => @"\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };
}
