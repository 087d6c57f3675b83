using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// One place that decides how machine-readable output looks: snake_case keys, enums as snake_case strings, indented
/// (or one line per document where documents follow each other, as verify --watch prints them).
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions OneLine = new(Options) { WriteIndented = false };

    public static void Write<T>(TextWriter writer, T value, bool oneLine = false) =>
        writer.WriteLine(JsonSerializer.Serialize(value, oneLine ? OneLine : Options));
}
