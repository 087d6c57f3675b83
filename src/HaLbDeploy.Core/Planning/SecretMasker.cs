using System.Text.RegularExpressions;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// Masks secrets in text shown to people. A configuration is masked by its structure: whatever follows an
/// `auth_pass` keyword on its line, quoted or not, spaces and all, whatever its value (an old file on a node may hold
/// a secret the inventory no longer knows). Nothing else of a configuration is touched, so neither a secret with a
/// space nor one that is a common word (`haproxy`) shows through the pattern of what was masked.
/// </summary>
/// <param name="secrets">Secret values replaced wherever they occur in free text (<see cref="Mask"/>).</param>
/// <param name="vocabulary">
/// Text that would be there whatever the secret: a secret found in it is never replaced in free text, since
/// masking each occurrence of a word the reader knows would name the secret.
/// </param>
public sealed partial class SecretMasker(IEnumerable<string> secrets, string vocabulary = "")
{
    public const string DifferentSecret = Secret.Mask + " (a different secret)";

    public const string WrittenDifferently = Secret.Mask + " (the same secret, written differently)";

    private readonly string[] _secrets = secrets
        .Where(s => s.Length > 0 && !vocabulary.Contains(s, StringComparison.OrdinalIgnoreCase) && !MessageVocabulary.Text.Contains(s, StringComparison.OrdinalIgnoreCase))
        .Distinct()
        .OrderByDescending(s => s.Length)
        .ToArray();

    /// <summary>The inventory's secret, with the vocabulary of its configurations as the built-in templates render them.</summary>
    public static SecretMasker For(Inventory inventory)
    {
        if (inventory.Vrrp.AuthSecret is not { } secret) return new SecretMasker([]);
        var rendered = ConfigurationRenderer.WithBuiltInTemplates().RenderAll(inventory);
        var vocabulary = string.Join('\n', rendered.SelectMany(n => n.Files).Select(f => MaskAuthPass(f.Content, _ => Secret.Mask)));
        return new SecretMasker([secret.Reveal()], vocabulary);
    }

    /// <summary>A configuration file, masked by its structure only: the value of every auth_pass.</summary>
    public string MaskConfiguration(string config) => MaskAuthPass(config, _ => Secret.Mask);

    /// <summary>
    /// The old text of a file, masked to be diffed against the new one: an auth_pass value the new file does not
    /// have is labelled, so a changed secret shows as a changed line without either value (alike, both would mask
    /// to the same line and the diff would hide the change).
    /// </summary>
    public string MaskConfiguration(string oldConfig, string newConfig)
    {
        var written = AuthPassValues(newConfig).ToHashSet(StringComparer.Ordinal);
        var secrets = written.Select(Unquoted).ToHashSet(StringComparer.Ordinal);
        var masked = MaskAuthPass(oldConfig, value =>
            written.Contains(value) ? Secret.Mask : secrets.Contains(Unquoted(value)) ? WrittenDifferently : DifferentSecret);
        // The same values in another order (two instances swapped their secrets): label them all rather than show no change.
        return masked == MaskConfiguration(newConfig) && oldConfig != newConfig ? MaskAuthPass(oldConfig, _ => DifferentSecret) : masked;
    }

    /// <summary>
    /// Free text that is no configuration (a node's validation output, an error message): auth_pass lines by their
    /// structure, and each known secret wherever it occurs, since such text has no structure that says where a
    /// secret could be echoed; except a secret the vocabulary holds (see the constructor).
    /// </summary>
    public string Mask(string text)
    {
        var masked = MaskConfiguration(text);
        foreach (var secret in _secrets) masked = masked.Replace(secret, Secret.Mask, StringComparison.Ordinal);
        return masked;
    }

    private static string MaskAuthPass(string text, Func<string, string> maskFor) =>
        AuthPass().Replace(text, m => m.Groups["value"].Length == 0
            ? m.Value
            : m.Groups["keyword"].Value + (m.Groups["space"].Length > 0 ? m.Groups["space"].Value : " ") + maskFor(m.Groups["value"].Value));

    private static IEnumerable<string> AuthPassValues(string text) =>
        AuthPass().Matches(text).Select(m => m.Groups["value"].Value).Where(v => v.Length > 0);

    /// <summary>The secret as keepalived reads it: without the quotes around it and the blanks at the end.</summary>
    private static string Unquoted(string value)
    {
        var trimmed = value.TrimEnd(' ', '\t');
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }

    /// <summary>The keyword (not part of a longer word, in any case) and the rest of its line, whatever it is.</summary>
    [GeneratedRegex(@"(?<![\w])(?<keyword>auth_pass)(?![\w])(?<space>[ \t]*)(?<value>[^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex AuthPass();
}
