using System.Text;

namespace HaLbDeploy.Ssh;

/// <summary>Where a held command's ready line stands in the output read so far: a whole line, ended by a line feed.</summary>
internal static class ReadyLine
{
    /// <summary>
    /// The index where the first whole line equal to <paramref name="line"/> starts, looking from
    /// <paramref name="from"/> on; null while there is none yet (or only its beginning).
    /// </summary>
    public static int? Find(StringBuilder output, string line, int from = 0)
    {
        var text = output.ToString();
        for (var at = text.IndexOf(line, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(line, at + 1, StringComparison.Ordinal))
        {
            var startsLine = at == 0 || text[at - 1] == '\n';
            var end = at + line.Length;
            if (startsLine && end < text.Length && text[end] == '\n') return at;
        }
        return null;
    }
}
