using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Typed reads from one YAML mapping that record where each field was written and report, instead of throwing,
/// every missing, mistyped or unknown key. <see cref="RejectUnknownKeys"/> must be called once all fields are read.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _mapping;
    private readonly ProblemCollector _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly List<(string Key, string Fix)> _missing = [];

    /// <param name="confidential">The section holds a secret (`vrrp.auth`): no problem may show its keys or values.</param>
    public YamlSection(YamlMappingNode mapping, string path, ProblemCollector problems, bool confidential = false)
    {
        _mapping = mapping;
        Path = path;
        _problems = problems;
        Confidential = confidential;
        problems.SourceMap.Record(path, PositionOf(mapping));
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
                problems.SourceMap.Record(FieldPath(name), PositionOf(value));
        }
    }

    public string Path { get; }

    public bool Confidential { get; }

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => Find(key) is not null;

    public string? String(string key, bool required = false, string? fix = null)
    {
        var scalar = Scalar(key, required, fix ?? $"add `{key}:`");
        if (scalar is null) return null;
        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            _problems.Error("empty-value", FieldPath(key), "is empty", fix ?? $"give `{key}` a value");
            return null;
        }
        return scalar.Value;
    }

    public int? Int(string key, bool required = false, string? fix = null)
    {
        var scalar = Scalar(key, required, fix ?? $"add `{key}:`");
        if (scalar is null) return null;
        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        _problems.Error("not-a-number", FieldPath(key), $"{Echo(scalar.Value)} is not a whole number", $"write a whole number, e.g. `{key}: 1`");
        return null;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key, required: false, fix: "");
        if (scalar is null) return null;
        switch (scalar.Value?.ToLowerInvariant())
        {
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                _problems.Error("not-a-boolean", FieldPath(key), $"{Echo(scalar.Value)} is not true or false", $"write `{key}: true` or `{key}: false`");
                return null;
        }
    }

    public Duration? Duration(string key, string example)
    {
        var scalar = Scalar(key, required: false, fix: "");
        if (scalar is null) return null;
        if (!Model.Duration.TryParse(scalar.Value ?? "", out var value))
        {
            _problems.Error("not-a-duration", FieldPath(key), $"{Echo(scalar.Value)} is not a duration", $"write a number with a unit ms, s, m or h, e.g. `{key}: {example}`");
            return null;
        }
        if (value.Milliseconds > Model.Duration.Longest.Milliseconds)
        {
            _problems.Error("out-of-range", FieldPath(key), $"{Echo(scalar.Value)} is longer than {Model.Duration.Longest.Milliseconds} ms (about 24.8 days), the most haproxy and the SSH client accept",
                $"use a shorter duration, e.g. `{key}: {example}`");
            return null;
        }
        return value;
    }

    /// <summary>An IPv4 address (IPv6 is not supported by the rendered configuration yet).</summary>
    public IPAddress? Address(string key, bool required = false, string? fix = null)
    {
        var text = String(key, required, fix);
        if (text is null) return null;
        if (TryParseIPv4(text, out var address)) return address;
        if (WithoutLeadingZeros(text) is { } meant)
        {
            _problems.Error("bad-address", FieldPath(key), $"{Echo(text)} has a number with a leading zero, which some tools read as octal (010 is 8)", $"write `{key}: {meant}`");
            return null;
        }
        _problems.Error("bad-address", FieldPath(key), $"{Echo(text)} is not an IPv4 address", "write four numbers 0-255 separated by dots, e.g. 192.168.88.91");
        return null;
    }

    public YamlSection? Section(string key, bool required = false, string? fix = null, bool confidential = false)
    {
        var node = Find(key);
        Know(key, AcceptedKeyKind.Section);
        if (node is null)
        {
            if (required) MissingField(key, fix ?? $"add a `{key}:` section");
            return null;
        }
        if (node is YamlMappingNode mapping) return new YamlSection(mapping, FieldPath(key), _problems, Confidential || confidential);
        var found = Confidential || confidential ? DescribeKind(node) : Describe(node);
        _problems.Error("not-a-section", FieldPath(key), $"must be a section of `key: value` lines, found {found}", $"indent the fields of `{key}` under it");
        return null;
    }

    public IReadOnlyList<YamlSection> List(string key, bool required = false, string? fix = null)
    {
        var node = Find(key);
        Know(key, AcceptedKeyKind.List);
        if (node is null)
        {
            if (required) MissingField(key, fix ?? $"add a `{key}:` list");
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            _problems.Error("not-a-list", FieldPath(key), $"must be a list, found {Describe(node)}", $"write each entry of `{key}` on its own line starting with `- `");
            return [];
        }
        var items = new List<YamlSection>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{FieldPath(key)}[{i}]";
            if (sequence.Children[i] is YamlMappingNode item)
                items.Add(new YamlSection(item, itemPath, _problems, Confidential));
            else
                _problems.ErrorAt(PositionOf(sequence.Children[i]), "not-a-section", itemPath, $"must be a section of `key: value` lines, found {Describe(sequence.Children[i])}", "write the entry as `- name: ...` with its fields indented below");
        }
        return items;
    }

    /// <summary>
    /// Reports every key that no read asked for, with the closest known key as a suggestion, then the required keys
    /// that are missing. A missing key that a misspelt one stands for is reported once, as the misspelling.
    /// </summary>
    public void RejectUnknownKeys()
    {
        var present = _mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToHashSet(StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in _mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (_known.Contains(name)) continue;
            var suggestion = _problems.IsFull ? null : DidYouMean.Suggest(name, _known.Where(k => !present.Contains(k)));
            if (suggestion is not null) covered.Add(suggestion);
            var fix = suggestion is null
                ? $"remove it; known keys here: {string.Join(", ", _known.Order(StringComparer.Ordinal))}"
                : $"did you mean `{suggestion}`?";
            if (Confidential)
                _problems.ErrorAt(PositionOf(key), "unknown-key", Path, "an unknown key (not shown: this section holds a secret)", fix);
            else
                _problems.ErrorAt(PositionOf(key), "unknown-key", FieldPath(ShownText.Cut(name)), $"unknown key {ShownText.Quote(name)}", fix);
        }
        foreach (var (key, fix) in _missing.Where(m => !covered.Contains(m.Key)))
            _problems.Error("missing-field", FieldPath(key), "is required but missing", fix);
    }

    /// <summary>The key's YAML node as written (scalar, list or section), for values of more than one shape; null when absent.</summary>
    public YamlNode? Node(string key)
    {
        Know(key, AcceptedKeyKind.Value);
        return Find(key);
    }

    /// <summary>The key holds one scalar value (not a list or section), e.g. a name standing for a list written elsewhere.</summary>
    public bool HoldsScalar(string key) => Find(key) is YamlScalarNode;

    /// <summary>Marks a key as known without reading it (used where a sibling key decides).</summary>
    public void Allow(string key) => Know(key, AcceptedKeyKind.Value);

    internal static bool TryParseIPv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => !IsDecimalByte(p) || p.Length > 1 && p[0] == '0'))
            return false;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetwork) return false;
        address = parsed;
        return true;
    }

    /// <summary>An IPv6 address without zone or brackets, e.g. fd00:211::11 (an IPv4-mapped address is refused: it is IPv4).</summary>
    internal static bool TryParseIPv6(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!text.Contains(':', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal)) return false;
        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6 || parsed.IsIPv4MappedToIPv6) return false;
        address = parsed;
        return true;
    }

    /// <summary>The address meant by four numbers 0-255 of which some have leading zeros ("10.0.0.010" → "10.0.0.10"), or null when the text is not that.</summary>
    internal static string? WithoutLeadingZeros(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4 || !parts.All(IsDecimalByte)) return null;
        return string.Join('.', parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
    }

    private static bool IsDecimalByte(string part) =>
        part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit) && int.Parse(part, CultureInfo.InvariantCulture) <= 255;

    /// <summary>The value quoted for a message, or "the value" in a section that holds a secret.</summary>
    private string Echo(string? value) => Confidential ? "the value" : ShownText.Quote(value ?? "");

    internal static SourcePosition PositionOf(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    private YamlScalarNode? Scalar(string key, bool required, string fix)
    {
        var node = Find(key);
        Know(key, AcceptedKeyKind.Value);
        if (node is null)
        {
            if (required) MissingField(key, fix);
            return null;
        }
        if (node is YamlScalarNode scalar) return scalar;
        _problems.Error("not-a-value", FieldPath(key), $"must be a single value, found {Describe(node)}", $"write `{key}: VALUE` on one line");
        return null;
    }

    private void Know(string key, AcceptedKeyKind kind)
    {
        _known.Add(key);
        _problems.AcceptedKeys.Record(FieldPath(key), kind);
    }

    private void MissingField(string key, string fix) => _missing.Add((key, fix));

    private YamlNode? Find(string key) =>
        _mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var v } && v == key).Value;

    private string Describe(YamlNode node) => node is YamlScalarNode s ? Echo(s.Value) : DescribeKind(node);

    private static string DescribeKind(YamlNode node) => node switch
    {
        YamlMappingNode => "a section",
        YamlSequenceNode => "a list",
        YamlScalarNode => "a single value",
        _ => "something else",
    };
}
