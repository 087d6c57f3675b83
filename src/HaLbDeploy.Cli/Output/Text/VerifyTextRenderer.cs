using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>verify's answer for people: the VIP line, a node table, a backend table, problems and warnings, the verdict.</summary>
public static class VerifyTextRenderer
{
    public static void Write(TextWriter output, VerificationReport report)
    {
        var holders = report.VipHolders.Count == 0 ? "nobody" : string.Join(", ", report.VipHolders);
        output.WriteLine($"VIP {report.Vip} held by {holders}; {report.VipTarget}: {Probe(report.VipProbe)}");
        foreach (var frontend in report.OtherFrontendProbes)
            output.WriteLine($"frontend {frontend.Frontend}: {frontend.Target}: {(frontend.ConnectOnly && frontend.Answers ? $"connected in {frontend.Result.ConnectTime?.TotalMilliseconds:0.0} ms" : Probe(frontend.Result))}");
        foreach (var vip in report.Vips.Where(v => v.Address != report.Vip))
            output.WriteLine($"VIP {vip.Name} {vip.Address} held by {(vip.Holders.Count == 0 ? "nobody" : string.Join(", ", vip.Holders))} (preferred: {vip.PreferredHolder ?? "none"})" +
                (vip.Target.Length > 0 ? $"; {vip.Target}: {Probe(vip.Probe)}" : ""));
        if (report.VipNeighbour is { } entry)
            output.WriteLine($"this machine's ARP entry for the VIP: {entry.LinkLayerAddress} ({report.VipNeighbourNode ?? "no LB node"}) on {entry.Device}");
        output.WriteLine();
        WriteNodes(output, report.Nodes);
        if (report.Backends.Count > 0)
        {
            output.WriteLine();
            WriteBackends(output, report);
        }
        output.WriteLine();
        foreach (var problem in report.Problems) output.WriteLine($"problem: {problem}");
        foreach (var warning in report.Warnings) output.WriteLine($"warning: {warning}");
        output.WriteLine(report.Summary);
    }

    /// <summary>One round of verify --watch: under a header with its number and local time, followed by a blank line.</summary>
    public static void WriteRound(TextWriter output, VerificationReport report, int round)
    {
        output.WriteLine($"--- round {round} at {report.At.ToLocalTime():yyyy-MM-dd HH:mm:ss}");
        Write(output, report);
        output.WriteLine();
    }

    private static void WriteNodes(TextWriter output, IReadOnlyList<NodeVerification> nodes)
    {
        var rows = new List<string[]> { new[] { "NODE", "ADDRESS", "VRRP (derived)", "VIP", "KEEPALIVED", "HAPROXY", "LINK", "BACKENDS UP" } };
        foreach (var node in nodes)
        {
            var s = node.Status;
            rows.Add(s.Reachable
                ? [node.Node, node.Address, node.VrrpState.ToString().ToUpperInvariant(), s.HoldsVip ? "yes" : "-", s.Keepalived.ToString(), s.Haproxy.ToString(),
                   s.LinkUp switch { true => "up", false => "DOWN", null => "?" },
                   s.StatsError is null ? $"{node.BackendsUp}/{s.Backends.Count}" : "?"]
                : [node.Node, node.Address, "UNKNOWN", "?", "?", "?", "?", "unreachable"]);
        }
        TextTable.Write(output, rows);
    }

    private static void WriteBackends(TextWriter output, VerificationReport report)
    {
        // The FRONTEND column only when there are several, so the one-frontend table reads as it always did.
        var several = report.Backends.Select(b => b.Frontend).Distinct().Count() > 1;
        string[] Lead(string frontend, string name, string address) => several ? [frontend, name, address] : [name, address];
        var header = Lead("FRONTEND", "BACKEND", "ADDRESS").Concat(report.Nodes.Select(n => n.Node.ToUpperInvariant())).ToArray();
        var rows = new List<string[]> { header };
        rows.AddRange(report.Backends.Select(b => Lead(b.Frontend, b.Name, b.Address).Concat(b.Nodes.Select(n => n.Status?.Describe() ?? "?")).ToArray()));
        TextTable.Write(output, rows);
    }

    private static string Probe(VipProbeResult? probe) => probe switch
    {
        null => "not probed",
        { Serves: true } => $"HTTP {probe.HttpStatus} in {probe.Elapsed.TotalMilliseconds:0.0} ms (TCP connect {probe.ConnectTime?.TotalMilliseconds:0.0} ms)",
        _ => probe.Describe(),
    };
}
