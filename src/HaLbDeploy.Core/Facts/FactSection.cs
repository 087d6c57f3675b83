using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Facts;

/// <summary>One section of the fact script's output: its name, the argument on its header line, its body lines.</summary>
internal sealed record FactSection(string Name, string Argument, IReadOnlyList<string> Lines)
{
    /// <summary>The tool named by an "@@halb missing TOOL" line, or null.</summary>
    public string? MissingTool => MarkerValue(FactSections.MissingPrefix);

    /// <summary>The tool named by an "@@halb via TOOL" line, or null.</summary>
    public string? Via => MarkerValue(FactSections.ViaPrefix);

    /// <summary>The command's output: every line but our markers.</summary>
    public IEnumerable<string> Body => Lines.Where(l => !l.StartsWith(ScriptMarkers.Prefix, StringComparison.Ordinal));

    /// <summary>The body's non-blank lines, trimmed.</summary>
    public IEnumerable<string> Values => Body.Select(l => l.Trim()).Where(l => l.Length > 0);

    private string? MarkerValue(string prefix) =>
        Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
}
