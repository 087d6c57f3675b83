namespace HaLbDeploy.Core.Validation;

/// <summary>One thing wrong with an inventory, pointing at where it is and saying how to fix it.</summary>
/// <param name="Line">1-based; 0 when the problem concerns the whole file.</param>
/// <param name="Field">The field's path, e.g. "nodes[1].priority".</param>
/// <param name="Code">A stable name for the rule, e.g. "auth-secret-too-long".</param>
public sealed record InventoryProblem(
    ProblemSeverity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Field,
    string Message,
    string Fix)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    public override string ToString()
    {
        var file = ShownText.Escape(File);
        var where = Line > 0 ? $"{file}:{Line}:{Column}" : file;
        var level = IsError ? "error" : "warning";
        var field = string.IsNullOrEmpty(Field) ? "" : $"{Field}: ";
        return $"{where}: {level}: {field}{Message}. Fix: {Fix}";
    }
}
