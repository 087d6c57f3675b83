using DiffPlex.Renderer;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// A `diff -u` style patch between two versions of a file. DiffPlex adds a phantom context line for texts that
/// end in a newline (its hunk headers then disagree with GNU diff and `patch` rejects them), so one final newline
/// is stripped from both sides first.
/// </summary>
public static class UnifiedDiff
{
    public static string Between(string oldText, string newText, string path)
    {
        var output = new UnidiffRenderer(contextLines: 3).Generate(TrimOneNewline(oldText), TrimOneNewline(newText), $"a{path}", $"b{path}", false, false);
        return output.EndsWith('\n') ? output : output + "\n";
    }

    /// <summary>Lines added and removed, for a summary like "(+3 -1)".</summary>
    public static (int Added, int Removed) Count(string diff)
    {
        var lines = diff.Split('\n');
        return (lines.Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)),
                lines.Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)));
    }

    private static string TrimOneNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;
}
