using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads an inventory file into a validated <see cref="Inventory"/>: hostile input (huge files, alias bombs,
/// binary or non-UTF-8 bytes, duplicate keys, several documents) becomes a located problem, never an exception.
/// </summary>
public sealed class InventoryLoader(IInventoryEnvironment environment)
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxAliases = 64;

    public InventoryLoadResult LoadFile(string path)
    {
        var read = environment.ReadBytes(path, MaxFileBytes);
        return read.Status switch
        {
            LocalFileReadStatus.Missing => Fail(path, "file-not-found", $"no inventory file at {path}", "check the path given to -i/--inventory"),
            LocalFileReadStatus.TooLarge => Fail(path, "file-too-large", $"the file has {read.Length} bytes, more than {MaxFileBytes}", "an inventory is a few kilobytes; check that -i names the right file"),
            LocalFileReadStatus.Unreadable => Fail(path, "file-unreadable", $"cannot read the file: {read.Reason}", "check the path and its permissions"),
            _ => LoadBytes(read.Bytes, path, Path.GetDirectoryName(environment.FullPath(path)) ?? "."),
        };
    }

    public InventoryLoadResult LoadBytes(byte[] bytes, string displayName, string inventoryDirectory)
    {
        if (bytes.Length > MaxFileBytes) return Fail(displayName, "file-too-large", $"the file has {bytes.Length} bytes, more than {MaxFileBytes}", "an inventory is a few kilobytes; check that -i names the right file");
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(displayName, "not-utf8", $"the file is not UTF-8 text (bad byte at offset {e.Index})", "save the inventory as UTF-8 text");
        }
        if (text.Contains('\0')) return Fail(displayName, "binary-file", "the file contains NUL bytes: it is not a text file", "check that -i names the YAML inventory");
        return LoadText(text.TrimStart('\uFEFF'), displayName, inventoryDirectory);
    }

    public InventoryLoadResult LoadText(string text, string displayName, string inventoryDirectory)
    {
        var sourceMap = new SourceMap();
        var problems = new ProblemCollector(displayName, sourceMap);
        var root = ReadRoot(text, problems);
        if (root is null) return new InventoryLoadResult(null, problems.Problems);

        var inventory = new InventoryParser(problems, environment, inventoryDirectory).Parse(root);
        new InventoryValidator(problems).Validate(inventory);
        return new InventoryLoadResult(problems.HasErrors ? null : inventory, Ordered(problems.Problems));
    }

    private static YamlMappingNode? ReadRoot(string text, ProblemCollector problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Error("empty-file", "", "the file is empty", "start from inventory/example.yaml");
            return null;
        }
        Parser? parser = null;
        try
        {
            if (CountAliases(text) > MaxAliases)
            {
                problems.Error("too-many-aliases", "", $"more than {MaxAliases} YAML aliases (*name): refusing a possible alias bomb", "write the values out; an inventory needs few or no aliases");
                return null;
            }
            var stream = new YamlStream();
            parser = new Parser(new StringReader(text));
            stream.Load(parser);
            if (stream.Documents.Count != 1)
            {
                problems.Error("document-count", "", $"the file holds {stream.Documents.Count} YAML documents", "keep exactly one document (remove extra `---` lines)");
                return null;
            }
            if (stream.Documents[0].RootNode is YamlMappingNode root) return root;
            var at = YamlSection.PositionOf(stream.Documents[0].RootNode);
            problems.ErrorAt(at, "not-a-section", "", "the top level is not a section of `key: value` lines", "start from inventory/example.yaml");
            return null;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var fix = reason.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
                ? "remove one of the two keys with the same name"
                : "fix the YAML syntax here (indentation, a missing ':' or an unclosed bracket or quote)";
            problems.ErrorAt(new SourcePosition((int)e.Start.Line, (int)e.Start.Column), "yaml-syntax", "", TrimReason(reason), fix);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed documents with these instead of a YamlException (found by fuzzing).
            var at = parser?.Current is { } current ? new SourcePosition((int)current.Start.Line, (int)current.Start.Column) : SourcePosition.WholeFile;
            problems.ErrorAt(at, "yaml-syntax", "", "the YAML is malformed here", "fix the YAML syntax (indentation, an unclosed bracket or quote, a key without a name)");
            return null;
        }
    }

    private static int CountAliases(string text)
    {
        var parser = new Parser(new StringReader(text));
        var aliases = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is AnchorAlias && ++aliases > MaxAliases) break;
        }
        return aliases;
    }

    private static string TrimReason(string reason)
    {
        // YamlDotNet puts the position in the message too; we already print it in front.
        var cut = reason.IndexOf("(Line:", StringComparison.Ordinal);
        return (cut > 0 ? reason[..cut] : reason).Trim().TrimEnd('.');
    }

    private static IReadOnlyList<InventoryProblem> Ordered(IReadOnlyList<InventoryProblem> problems) =>
        problems.OrderBy(p => p.Line == 0 ? int.MaxValue : p.Line).ThenBy(p => p.Column).ToList();

    private static InventoryLoadResult Fail(string file, string code, string message, string fix) =>
        new(null, [new InventoryProblem(ProblemSeverity.Error, code, file, 0, 0, "", message, fix)]);
}
