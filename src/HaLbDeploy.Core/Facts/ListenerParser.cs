using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads `ss -ltnp 'sport = :PORT'`: a header line, then
/// "LISTEN 0 4096 0.0.0.0:6443 0.0.0.0:* users:(("haproxy",pid=812,fd=7),("haproxy",pid=810,fd=7))".
/// </summary>
internal static partial class ListenerParser
{
    public static IReadOnlyList<PortListener> Parse(IEnumerable<string> lines)
    {
        var listeners = new List<PortListener>();
        foreach (var line in lines)
        {
            var words = line.Split((char[]?)null, 6, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 5 || words[0] != "LISTEN") continue;
            var processes = words.Length == 6
                ? ProcessName().Matches(words[5]).Select(m => m.Groups[1].Value).Distinct().ToList()
                : [];
            listeners.Add(new PortListener(words[3], processes));
        }
        return listeners;
    }

    [GeneratedRegex("""\("([^"]+)",""")]
    private static partial Regex ProcessName();
}
