using System.Text.Json.Serialization;
using HaLbDeploy.Core.Drain;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>drain's and undrain's answer for machines; the records below are the document's shape.</summary>
public static partial class DrainJsonRenderer
{
    public static void Write(TextWriter output, DrainReport report) => JsonOutput.Write(output, DrainJson.From(report), DrainShapes.Default);

    internal sealed record DrainJson(string Command, string Backend, DrainOutcome Outcome, string Summary, long SessionsLeft, double WaitedSeconds, double TimeoutSeconds, IReadOnlyList<NodeJson> Nodes)
    {
        public static DrainJson From(DrainReport r) => new(r.State == ServerAdminState.Drain ? "drain" : "undrain", r.Backend, r.Outcome, r.Summary, r.SessionsLeft,
            Math.Round(r.Waited.TotalSeconds, 1), r.Timeout.TotalSeconds, r.Nodes.Select(n => new NodeJson(n.Node, n.Server?.Status, n.Sessions, n.Error)).ToList());
    }

    /// <summary>The server on one node: haproxy's status word (DRAIN, UP, ...), its open sessions, or why it is unknown.</summary>
    internal sealed record NodeJson(string Name, string? Status, long? Sessions, string? Error);

    [JsonSerializable(typeof(DrainJson))]
    private sealed partial class DrainShapes : JsonSerializerContext;
}
