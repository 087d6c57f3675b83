using System.Globalization;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// Reads the CSV of haproxy's `show stat` (the runtime API on the stats socket). The first line names the columns
/// ("# pxname,svname,qcur,..."); columns are found by name, so the parser works across haproxy versions that
/// append columns. FRONTEND and BACKEND summary lines are skipped: only servers are returned. Tolerant: a line it
/// cannot read is ignored.
/// </summary>
public static class HaproxyStatParser
{
    public static IReadOnlyList<BackendServerStatus> Parse(string csv)
    {
        var servers = new List<BackendServerStatus>();
        Dictionary<string, int>? columns = null;
        foreach (var raw in csv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                columns = line.TrimStart('#', ' ').Split(',')
                    .Select((name, index) => (name: name.Trim(), index))
                    .Where(c => c.name.Length > 0)
                    .GroupBy(c => c.name)
                    .ToDictionary(g => g.Key, g => g.First().index, StringComparer.Ordinal);
                continue;
            }
            if (columns is null || line.Length == 0) continue;
            var fields = line.Split(',');
            string Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var server = Field("svname");
            if (server.Length == 0 || server is "FRONTEND" or "BACKEND") continue;
            var code = int.TryParse(Field("check_code"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
            var checkStatus = Field("check_status").TrimStart('*', ' ');
            servers.Add(new BackendServerStatus(Field("pxname"), server, Field("status"), checkStatus, code, Field("addr"))
            {
                SecondsSinceChange = Number(Field("lastchg")),
                CurrentSessions = Number(Field("scur")),
            });
        }
        return servers;
    }

    /// <summary>The FRONTEND lines: each frontend's name and its current sessions (`scur`).</summary>
    public static IReadOnlyList<(string Frontend, long? CurrentSessions)> Frontends(string csv)
    {
        var frontends = new List<(string, long?)>();
        int? name = null, svname = null, scur = null;
        foreach (var raw in csv.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').TrimStart('#', ' ').Split(',').Select(f => f.Trim()).ToArray();
            if (raw.StartsWith('#'))
            {
                (name, svname, scur) = (IndexOf(fields, "pxname"), IndexOf(fields, "svname"), IndexOf(fields, "scur"));
                continue;
            }
            if (name is not { } n || svname is not { } s || s >= fields.Length || fields[s] != "FRONTEND" || n >= fields.Length) continue;
            frontends.Add((fields[n], scur is { } c && c < fields.Length ? Number(fields[c]) : null));
        }
        return frontends;
    }

    private static int? IndexOf(string[] fields, string name) => Array.IndexOf(fields, name) is var i and >= 0 ? i : null;

    private static long? Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
