namespace HaLbDeploy.Cli.Output.Text;

/// <summary>render's answer for people: one line per file written, tagged like progress lines.</summary>
public static class RenderTextRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<WrittenFile> files)
    {
        foreach (var file in files) output.WriteLine($"[render/{file.Node}] {file.Path} -> {file.LocalPath} ({file.Mode})");
    }
}
