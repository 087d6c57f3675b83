namespace HaLbDeploy.Core.Model;

/// <summary>Orders the key exchange algorithms an SSH client offers by a <see cref="KeyExchangePreference"/>.</summary>
public static class KeyExchangeOrder
{
    /// <summary>
    /// The same names, reordered: for <see cref="KeyExchangePreference.Classic"/> every non-hybrid algorithm moves
    /// before the post-quantum hybrids, each group in the order the client had; <see cref="KeyExchangePreference.PostQuantum"/>
    /// keeps the client's order (it offers the hybrids first). Nothing is dropped, so a server that only speaks the
    /// other kind still connects.
    /// </summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> offered, KeyExchangePreference preference)
    {
        var names = offered.ToList();
        if (preference == KeyExchangePreference.PostQuantum) return names;
        return [.. names.Where(n => !IsPostQuantumHybrid(n)), .. names.Where(IsPostQuantumHybrid)];
    }

    public static bool IsPostQuantumHybrid(string name) =>
        name.StartsWith("mlkem", StringComparison.Ordinal) || name.StartsWith("sntrup", StringComparison.Ordinal);
}
