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
            servers.Add(new BackendServerStatus(Field("pxname"), server, Field("status"), checkStatus, code, Field("addr")));
        }
        return servers;
    }
}
