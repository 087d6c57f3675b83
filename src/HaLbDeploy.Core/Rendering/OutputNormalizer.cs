using System.Text;

namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// Makes rendered text byte-stable whatever the template's own habits: LF line endings, no trailing blanks on
/// any line, and exactly one newline at the end. Digests and diffs then change only when the meaning does.
/// </summary>
internal static class OutputNormalizer
{
    public static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var output = new StringBuilder(text.Length + 1);
        foreach (var line in lines)
            output.Append(line.TrimEnd(' ', '\t')).Append('\n');
        var end = output.Length;
        while (end > 0 && output[end - 1] == '\n') end--;
        output.Length = end;
        return output.Append('\n').ToString();
    }
}
