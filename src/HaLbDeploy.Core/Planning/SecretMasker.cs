using System.Text.RegularExpressions;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Planning;

/// <summary>
/// Masks secrets in text shown to people: every known secret value, and whatever follows `auth_pass` (an old
/// file on a node may hold a secret the inventory no longer knows).
/// </summary>
public sealed partial class SecretMasker(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();

    public static SecretMasker For(Inventory inventory) =>
        new(inventory.Vrrp.AuthSecret is { } secret ? [secret.Reveal()] : []);

    public string Mask(string text, string mask = Secret.Mask)
    {
        var masked = AuthPass().Replace(text, m => m.Groups[1].Value + mask);
        foreach (var secret in _secrets) masked = masked.Replace(secret, mask, StringComparison.Ordinal);
        return masked;
    }

    [GeneratedRegex(@"(\bauth_pass[ \t]+)\S+")]
    private static partial Regex AuthPass();
}
