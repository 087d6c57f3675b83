using System.Globalization;

namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads `systemctl show -p Id,LoadState,... A B C`: one block of Key=Value lines per unit, blocks separated by a
/// blank line, properties in systemd's own order. Properties an old systemd does not know (InvocationID before
/// 232) or leaves empty are simply absent.
/// </summary>
internal static class SystemctlShowParser
{
    public static IReadOnlyList<UnitState> Parse(IEnumerable<string> lines)
    {
        var units = new List<UnitState>();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length == 0)
            {
                if (ToUnit(block) is { } unit) units.Add(unit);
                block.Clear();
                continue;
            }
            var equals = line.IndexOf('=');
            if (equals > 0) block[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return units;
    }

    private static UnitState? ToUnit(Dictionary<string, string> block)
    {
        if (!block.TryGetValue("Id", out var id) || id.Length == 0) return null;
        var pid = int.TryParse(block.GetValueOrDefault("MainPID"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : (int?)null;
        var entered = long.TryParse(block.GetValueOrDefault("ActiveEnterTimestampMonotonic"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : (long?)null;
        var invocation = block.GetValueOrDefault("InvocationID");
        return new UnitState(
            id,
            block.GetValueOrDefault("LoadState") ?? "",
            block.GetValueOrDefault("UnitFileState") ?? "",
            block.GetValueOrDefault("ActiveState") ?? "",
            block.GetValueOrDefault("SubState") ?? "",
            pid,
            entered,
            string.IsNullOrEmpty(invocation) ? null : invocation);
    }
}
