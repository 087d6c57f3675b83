namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Collects every problem of one inventory so a user sees them all in one run. Input echoed in a problem is shown
/// escaped (<see cref="ShownText"/>). A hostile file can make a problem out of every one of thousands of entries, so
/// after <see cref="MaxProblems"/> the rest are only counted, and looking up a field's errors does not scan them all.
/// </summary>
public sealed class ProblemCollector(string file, SourceMap sourceMap)
{
    public const int MaxProblems = 200;

    private readonly List<InventoryProblem> _problems = [];
    private readonly HashSet<string> _fieldsWithErrors = new(StringComparer.Ordinal);
    private int _notKept;

    public string File { get; } = file;

    public SourceMap SourceMap { get; } = sourceMap;

    /// <summary>The keys the parser asked for (see <see cref="Validation.AcceptedKeys"/>).</summary>
    public AcceptedKeys AcceptedKeys { get; } = new();

    /// <summary>The problems kept, and when some were only counted, a last error that says how many.</summary>
    public IReadOnlyList<InventoryProblem> Problems => _notKept == 0
        ? _problems
        : [.. _problems, new InventoryProblem(ProblemSeverity.Error, "too-many-problems", File, 0, 0, "",
            $"{_notKept} more problems are not shown", "fix the problems above and run again")];

    public bool HasErrors => _fieldsWithErrors.Count > 0;

    /// <summary>True once <see cref="MaxProblems"/> are kept: work that only improves a message (suggestions) can be skipped.</summary>
    public bool IsFull => _problems.Count >= MaxProblems;

    /// <summary>True when the field (or a field inside it) already has an error, so later rules skip its placeholder value.</summary>
    public bool HasErrorAt(string fieldPath) => _fieldsWithErrors.Contains(fieldPath);

    public void Error(string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Error, code, field, SourceMap.Find(field), message, fix);

    public void Warning(string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Warning, code, field, SourceMap.Find(field), message, fix);

    public void ErrorAt(SourcePosition position, string code, string field, string message, string fix) =>
        Add(ProblemSeverity.Error, code, field, position, message, fix);

    /// <summary>A problem in another file the inventory leads to (an ssh_config), at its line.</summary>
    public void InFile(ProblemSeverity severity, string code, string file, int line, string field, string message, string fix)
    {
        if (severity == ProblemSeverity.Error) RecordErrorAt(field);
        if (IsFull)
        {
            _notKept++;
            return;
        }
        _problems.Add(new InventoryProblem(severity, code, file, line, line > 0 ? 1 : 0, ShownText.Escape(field), ShownText.Escape(message), ShownText.Escape(fix)));
    }

    private void Add(ProblemSeverity severity, string code, string field, SourcePosition at, string message, string fix)
    {
        if (severity == ProblemSeverity.Error) RecordErrorAt(field);
        if (IsFull)
        {
            _notKept++;
            return;
        }
        _problems.Add(new InventoryProblem(severity, code, File, at.Line, at.Column, ShownText.Escape(field), ShownText.Escape(message), ShownText.Escape(fix)));
    }

    /// <summary>An error at "a.b.c" is an error at "a.b.c", "a.b" and "a" (not at "a[0]" for "a[0].b": list items stand alone).</summary>
    private void RecordErrorAt(string field)
    {
        _fieldsWithErrors.Add(field);
        for (var cut = field.LastIndexOf('.'); cut > 0; cut = field.LastIndexOf('.', cut - 1))
            _fieldsWithErrors.Add(field[..cut]);
    }
}
