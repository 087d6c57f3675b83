using System.Text.Json.Serialization;
namespace HaLbDeploy.Cli.Output.Json;

/// <summary>
/// render's answer for machines: an array of the files written. The record below is an element's shape; a file that
/// carries the VRRP secret has "secret": true and "sha256": null (see <see cref="WrittenFile.Sha256"/>).
/// </summary>
public static partial class RenderJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<WrittenFile> files) =>
        JsonOutput.Write(output, files.Select(f => new FileJson(f.Node, f.Path, f.LocalPath, f.Mode, f.Sha256, f.CarriesSecret)).ToList(), RenderShapes.Default);

    private sealed record FileJson(string Node, string Path, string LocalPath, string Mode, string? Sha256, bool Secret);

    [JsonSerializable(typeof(List<FileJson>))]
    private sealed partial class RenderShapes : JsonSerializerContext;
}
