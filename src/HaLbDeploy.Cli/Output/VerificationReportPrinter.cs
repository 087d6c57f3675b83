using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output;

/// <summary>verify's answer for people: the VIP line, a node table, a backend table, problems and warnings, the verdict.</summary>
public static class VerificationReportPrinter
{
    public static void Print(VerificationReport report, TextWriter output)
    {
        var holders = report.VipHolders.Count == 0 ? "nobody" : string.Join(", ", report.VipHolders);
        output.WriteLine($"VIP {report.Vip} held by {holders}; {report.VipTarget}: {Probe(report.VipProbe)}");
        if (report.VipNeighbour is { } entry)
            output.WriteLine($"this machine's ARP entry for the VIP: {entry.LinkLayerAddress} ({report.VipNeighbourNode ?? "no LB node"}) on {entry.Device}");
        output.WriteLine();
        var rows = new List<string[]> { new[] { "NODE", "ADDRESS", "VRRP (derived)", "VIP", "KEEPALIVED", "HAPROXY", "LINK", "BACKENDS UP" } };
        foreach (var node in report.Nodes)
        {
            var s = node.Status;
            rows.Add(s.Reachable
                ? [node.Node, node.Address, node.VrrpState.ToString().ToUpperInvariant(), s.HoldsVip ? "yes" : "-", s.Keepalived.ToString(), s.Haproxy.ToString(),
                   s.LinkUp switch { true => "up", false => "DOWN", null => "?" },
                   s.StatsError is null ? $"{node.BackendsUp}/{s.Backends.Count}" : "?"]
                : [node.Node, node.Address, "UNKNOWN", "?", "?", "?", "?", "unreachable"]);
        }
        WriteTable(output, rows);
        if (report.Backends.Count > 0)
        {
            output.WriteLine();
            var header = new[] { "BACKEND", "ADDRESS" }.Concat(report.Nodes.Select(n => n.Node.ToUpperInvariant())).ToArray();
            var backendRows = new List<string[]> { header };
            backendRows.AddRange(report.Backends.Select(b => new[] { b.Name, b.Address }.Concat(b.Nodes.Select(n => n.Status?.Describe() ?? "?")).ToArray()));
            WriteTable(output, backendRows);
        }
        output.WriteLine();
        foreach (var problem in report.Problems) output.WriteLine($"problem: {problem}");
        foreach (var warning in report.Warnings) output.WriteLine($"warning: {warning}");
        output.WriteLine(report.Summary);
    }

    internal static string Probe(VipProbeResult? probe) => probe switch
    {
        null => "not probed",
        { Serves: true } => $"HTTP {probe.HttpStatus} in {probe.Elapsed.TotalMilliseconds:0.0} ms (TCP connect {probe.ConnectTime?.TotalMilliseconds:0.0} ms)",
        _ => probe.Describe(),
    };

    internal static void WriteTable(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows.Max(r => r.Length)).Select(i => rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
