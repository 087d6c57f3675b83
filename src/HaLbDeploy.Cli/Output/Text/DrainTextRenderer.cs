using HaLbDeploy.Core.Drain;

namespace HaLbDeploy.Cli.Output.Text;

/// <summary>drain's and undrain's answer for people: the server on each node (haproxy's state, open sessions, error), then the verdict.</summary>
public static class DrainTextRenderer
{
    public static void Write(TextWriter output, DrainReport report)
    {
        var rows = new List<string[]> { new[] { "NODE", report.Backend.ToUpperInvariant(), "SESSIONS", "ERROR" } };
        rows.AddRange(report.Nodes.Select(n => new[] { n.Node, n.Server?.Status ?? "?", n.Sessions?.ToString() ?? "?", n.Error ?? "" }));
        TextTable.Write(output, rows);
        output.WriteLine();
        output.WriteLine(report.Summary);
    }
}
