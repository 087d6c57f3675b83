using System.Text;
using System.Text.Unicode;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads an inventory file into a validated <see cref="Inventory"/>: hostile input (huge files, FIFOs and devices,
/// deep nesting, alias bombs, tags, binary or non-UTF-8 bytes, duplicate keys, several documents) becomes a located
/// problem, never an exception, a hang or a crash.
/// </summary>
public sealed class InventoryLoader(IInventoryEnvironment environment, InventoryLoadOptions? options = null)
{
    private readonly InventoryLoadOptions options = options ?? new InventoryLoadOptions();

    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxAliases = YamlPreScan.MaxAliases;
    public const int MaxDepth = YamlPreScan.MaxDepth;

    public InventoryLoadResult LoadFile(string path)
    {
        var read = environment.ReadBytes(path, MaxFileBytes);
        return read.Status switch
        {
            LocalFileReadStatus.Missing => Fail(path, "file-not-found", $"no inventory file at {path}", "check the path given to -i/--inventory"),
            LocalFileReadStatus.TooLarge => Fail(path, "file-too-large", $"the file has {read.Length} bytes, more than {MaxFileBytes}", "an inventory is a few kilobytes; check that -i names the right file"),
            LocalFileReadStatus.NotARegularFile => Fail(path, "not-a-regular-file", $"{path} is {read.Reason}, not a regular file, so it is not read", "give -i/--inventory the YAML inventory file itself"),
            LocalFileReadStatus.Unreadable => Fail(path, "file-unreadable", $"cannot read the file: {read.Reason}", "check the path and its permissions"),
            _ => LoadBytes(read.Bytes, path, Path.GetDirectoryName(environment.FullPath(path)) ?? "."),
        };
    }

    public InventoryLoadResult LoadBytes(byte[] bytes, string displayName, string inventoryDirectory)
    {
        if (bytes.Length > MaxFileBytes) return Fail(displayName, "file-too-large", $"the file has {bytes.Length} bytes, more than {MaxFileBytes}", "an inventory is a few kilobytes; check that -i names the right file");
        if (FirstInvalidUtf8(bytes) is { } bad)
        {
            var at = PositionOfByte(bytes, bad);
            return Fail(displayName, "not-utf8", $"the file is not UTF-8 text (bad byte 0x{bytes[bad]:x2} at offset {bad})", "save the inventory as UTF-8 text", at);
        }
        var text = Encoding.UTF8.GetString(bytes);
        if (text.IndexOf('\0') is var nul and >= 0)
            return Fail(displayName, "binary-file", "the file contains NUL bytes: it is not a text file", "check that -i names the YAML inventory", PositionOfChar(text, nul));
        return LoadText(text.TrimStart('\uFEFF'), displayName, inventoryDirectory);
    }

    public InventoryLoadResult LoadText(string text, string displayName, string inventoryDirectory)
    {
        var sourceMap = new SourceMap();
        var problems = new ProblemCollector(displayName, sourceMap);
        var root = ReadRoot(text, problems);
        if (root is null) return new InventoryLoadResult(null, problems.Problems);

        var inventory = new InventoryParser(problems, environment, inventoryDirectory, options).Parse(root);
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
        var scan = new YamlPreScan();
        YamlFinding? finding;
        var stream = new YamlStream();
        try
        {
            finding = scan.Scan(text);
            if (finding is null) stream.Load(new Parser(new StringReader(text)));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed documents with the last two instead of a YamlException (found by fuzzing).
            finding = YamlSyntaxError.Locate(e, text, scan);
        }
        if (finding is not null)
        {
            problems.ErrorAt(finding.At, finding.Code, "", finding.Message, finding.Fix);
            return null;
        }
        return RootSection(stream, problems);
    }

    private static YamlMappingNode? RootSection(YamlStream stream, ProblemCollector problems)
    {
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

    /// <summary>The offset of the first byte that does not belong to a valid UTF-8 sequence, or null.</summary>
    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        var chars = new char[Math.Clamp(bytes.Length, 16, 64 * 1024)];
        for (var offset = 0; offset < bytes.Length;)
        {
            var status = Utf8.ToUtf16(bytes.AsSpan(offset), chars, out var read, out _, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.InvalidData || status == System.Buffers.OperationStatus.NeedMoreData) return offset + read;
            offset += read;
        }
        return null;
    }

    /// <summary>Line and column (in characters, counting a UTF-8 sequence as one) of a byte offset.</summary>
    private static SourcePosition PositionOfByte(byte[] bytes, int offset)
    {
        var lineStart = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(offset - 1, 0)) + 1;
        if (offset == 0) lineStart = 0;
        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        var column = 1 + bytes.AsSpan(lineStart, offset - lineStart).ToArray().Count(b => (b & 0xC0) != 0x80);
        return new SourcePosition(line, column);
    }

    private static SourcePosition PositionOfChar(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return new SourcePosition(1 + text.AsSpan(0, lineStart).Count('\n'), 1 + index - lineStart);
    }

    private static IReadOnlyList<InventoryProblem> Ordered(IReadOnlyList<InventoryProblem> problems) =>
        problems.OrderBy(p => p.Line == 0 ? int.MaxValue : p.Line).ThenBy(p => p.Column).ToList();

    private static InventoryLoadResult Fail(string file, string code, string message, string fix, SourcePosition? at = null) =>
        new(null, [new InventoryProblem(ProblemSeverity.Error, code, file, at?.Line ?? 0, at?.Column ?? 0, "", ShownText.Escape(message), fix)]);
}
