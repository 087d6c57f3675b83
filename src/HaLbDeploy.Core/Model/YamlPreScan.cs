using HaLbDeploy.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// One pass over the parser's events before YamlDotNet builds its node tree, which it does recursively: 40,000
/// nested `[` in an 80 KB file overflow the stack and kill the process, which no catch can stop. The pass refuses,
/// each at its position, nesting deeper than <see cref="MaxDepth"/>, more than <see cref="MaxAliases"/> aliases (an
/// alias bomb), an alias whose anchor is not defined before it (or that points into its own node), and any tag.
/// The parser itself throws on malformed text; <see cref="OpenFlow"/> then tells which bracket is still open.
/// </summary>
internal sealed class YamlPreScan
{
    public const int MaxDepth = 64;
    public const int MaxAliases = 64;

    /// <summary>The sections and lists entered and not left yet, innermost on top, with their anchor ("" for none) and, for flow style, their bracket.</summary>
    private readonly Stack<(string Anchor, Mark Start, char? Bracket)> _open = new();

    /// <summary>The innermost `[` or `{` not closed yet when the scan stopped.</summary>
    public (Mark Start, char Bracket)? OpenFlow =>
        _open.FirstOrDefault(n => n.Bracket is not null) is { Bracket: { } bracket } flow ? (flow.Start, bracket) : null;

    /// <summary>Where the last event the parser produced began (for errors that YamlDotNet reports without a position).</summary>
    public Mark LastEventStart { get; private set; } = Mark.Empty;

    public YamlFinding? Scan(string text)
    {
        var parser = new Parser(new StringReader(text));
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var aliases = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            LastEventStart = current.Start;
            var finding = current switch
            {
                AnchorAlias alias => CheckAlias(alias, ++aliases, defined),
                NodeEvent { Tag.IsEmpty: false } tagged => Found(tagged.Start, "yaml-tag", "a YAML tag (`!…`) is written here; the inventory does not use tags, and they are not shown",
                    "remove the tag (the word starting with `!`) and write the plain value"),
                _ => Track(current, defined),
            };
            if (finding is not null) return finding;
        }
        return null;
    }

    private YamlFinding? CheckAlias(AnchorAlias alias, int count, HashSet<string> defined)
    {
        if (count > MaxAliases)
        {
            return Found(alias.Start, "too-many-aliases", $"more than {MaxAliases} YAML aliases (*name): refusing a possible alias bomb",
                "write the values out; an inventory needs few or no aliases");
        }
        if (_open.Any(n => n.Anchor == alias.Value.Value))
            return Found(alias.Start, "yaml-alias-cycle", "an alias (`*…`) points into the node its own anchor names", "write the value out instead of the alias");
        if (!defined.Contains(alias.Value.Value))
        {
            return Found(alias.Start, "yaml-undefined-alias", "an alias (`*…`) to an undefined anchor: no `&…` of that name comes before it (names not shown)",
                "define the anchor (`&name`) on a value above the alias, or write the value out");
        }
        return null;
    }

    /// <summary>Follows nesting and anchors; an anchor counts as defined once its node is complete.</summary>
    private YamlFinding? Track(ParsingEvent current, HashSet<string> defined)
    {
        switch (current)
        {
            case Scalar { Anchor.IsEmpty: false } scalar:
                defined.Add(scalar.Anchor.Value);
                break;
            case MappingStart or SequenceStart:
                var node = (NodeEvent)current;
                var bracket = node is MappingStart { Style: MappingStyle.Flow } ? '{' : node is SequenceStart { Style: SequenceStyle.Flow } ? '[' : (char?)null;
                _open.Push((node.Anchor.IsEmpty ? "" : node.Anchor.Value, node.Start, bracket));
                if (_open.Count > MaxDepth)
                {
                    return Found(node.Start, "too-deep", $"sections and lists nest more than {MaxDepth} levels deep here",
                        "an inventory nests a few levels; look for stray or unclosed `[` and `{`");
                }
                break;
            case MappingEnd or SequenceEnd:
                if (_open.Pop().Anchor is { Length: > 0 } anchor) defined.Add(anchor);
                break;
        }
        return null;
    }

    private static YamlFinding Found(Mark at, string code, string message, string fix) =>
        new(new SourcePosition((int)at.Line, (int)at.Column), code, message, fix);
}
