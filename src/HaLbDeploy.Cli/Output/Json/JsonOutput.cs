using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// One place that decides how machine-readable output looks: snake_case keys, enums as snake_case strings, indented
/// (or one line per document where documents follow each other, as verify --watch prints them).
/// Every document's shape comes from a source-generated context (no reflection, so the Native AOT build serializes
/// the same bytes); every enum a document carries is listed here, since the generic converter needs its type.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter<NodeOutcome>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<ChangeKind>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<FailoverOutcome>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<DerivedVrrpState>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<DrainOutcome>(JsonNamingPolicy.SnakeCaseLower),
        },
    };

    /// <summary>The enums <see cref="Write{T}"/> writes as strings; any other enum would come out as a number.</summary>
    public static IReadOnlyList<Type> EnumsWrittenAsStrings { get; } = [typeof(NodeOutcome), typeof(ChangeKind), typeof(FailoverOutcome), typeof(DerivedVrrpState), typeof(DrainOutcome)];

    public static void Write<T>(TextWriter writer, T value, IJsonTypeInfoResolver shapes, bool oneLine = false)
    {
        var options = new JsonSerializerOptions(Options) { WriteIndented = !oneLine, TypeInfoResolver = shapes };
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))));
    }
}
