namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Where each field of a parsed inventory was written, by field path ("nodes[1].priority"), so rules that run
/// on the typed model can still point at a line and column.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public void Record(string fieldPath, SourcePosition position) => _positions.TryAdd(fieldPath, position);

    /// <summary>The field's own position, else the nearest enclosing field's, else the whole file.</summary>
    public SourcePosition Find(string fieldPath)
    {
        for (var path = fieldPath; path.Length > 0; path = Parent(path))
        {
            if (_positions.TryGetValue(path, out var position)) return position;
        }
        return _positions.GetValueOrDefault("", SourcePosition.WholeFile);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
