namespace HaLbDeploy.Cli.Output.Json;

/// <summary>render's answer for machines: an array of the files written. The record below is an element's shape.</summary>
public static class RenderJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<WrittenFile> files) =>
        JsonOutput.Write(output, files.Select(f => new FileJson(f.Node, f.Path, f.LocalPath, f.Mode, f.Sha256)).ToList());

    private sealed record FileJson(string Node, string Path, string LocalPath, string Mode, string Sha256);
}
