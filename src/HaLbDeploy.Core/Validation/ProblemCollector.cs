namespace HaLbDeploy.Core.Validation;

/// <summary>Collects every problem of one inventory so a user sees them all in one run.</summary>
public sealed class ProblemCollector(string file, SourceMap sourceMap)
{
    private readonly List<InventoryProblem> _problems = [];

    public string File { get; } = file;

    public SourceMap SourceMap { get; } = sourceMap;

    /// <summary>The keys the parser asked for (see <see cref="Validation.AcceptedKeys"/>).</summary>
    public AcceptedKeys AcceptedKeys { get; } = new();

    public IReadOnlyList<InventoryProblem> Problems => _problems;

    public bool HasErrors => _problems.Any(p => p.IsError);

    /// <summary>True when the field (or a field inside it) already has an error, so later rules skip its placeholder value.</summary>
    public bool HasErrorAt(string fieldPath) =>
        _problems.Any(p => p.IsError && (p.Field == fieldPath || p.Field.StartsWith(fieldPath + ".", StringComparison.Ordinal)));

    public void Error(string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Error, code, field, SourceMap.Find(field), message, fix);

    public void Warning(string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Warning, code, field, SourceMap.Find(field), message, fix);

    public void ErrorAt(SourcePosition position, string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Error, code, field, position, message, fix);

    private void Add(ProblemSeverity severity, string code, string field, SourcePosition at, string message, string fix) =>
        _problems.Add(new InventoryProblem(severity, code, File, at.Line, at.Column, field, message, fix));
}
