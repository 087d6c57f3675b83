using System.Text.RegularExpressions;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Every key the parser asked for while reading one inventory, present or not, by path pattern ("nodes[].ssh.user":
/// list positions dropped) and kind. Read with every section present once, it is the inventory's schema, which
/// keeps docs/inventory-reference.md honest (a test compares the two).
/// </summary>
public sealed partial class AcceptedKeys
{
    private readonly Dictionary<string, AcceptedKeyKind> _keys = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AcceptedKeyKind> All => _keys;

    public void Record(string fieldPath, AcceptedKeyKind kind) => _keys.TryAdd(ListPositions().Replace(fieldPath, "[]"), kind);

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex ListPositions();
}
