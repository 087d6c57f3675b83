using System.Text.Json.Serialization;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>validate's answer for machines: every problem (errors and warnings) with its position. The records below are the document's shape.</summary>
public static partial class ValidateJsonRenderer
{
    /// <param name="inventory">The inventory file as the user named it.</param>
    public static void Write(TextWriter output, string inventory, InventoryLoadResult result) => JsonOutput.Write(output, new ValidationJson(
        inventory, !result.HasErrors, result.Inventory?.Nodes.Count ?? 0, result.Inventory?.AllBackends.Count ?? 0, result.Problems.Select(ProblemJson.From).ToList()), ValidateShapes.Default);

    private sealed record ValidationJson(string Inventory, bool Valid, int Nodes, int Backends, IReadOnlyList<ProblemJson> Problems);

    private sealed record ProblemJson(string Severity, string Code, string File, int Line, int Column, string Field, string Message, string Fix)
    {
        public static ProblemJson From(InventoryProblem p) => new(p.IsError ? "error" : "warning", p.Code, p.File, p.Line, p.Column, p.Field, p.Message, p.Fix);
    }

    [JsonSerializable(typeof(ValidationJson))]
    private sealed partial class ValidateShapes : JsonSerializerContext;
}
