namespace HaLbDeploy.Core.Model;

/// <summary>
/// A secret value that never prints itself: ToString, records and string interpolation all show a mask,
/// so it cannot leak into logs, diffs or error messages by accident. Use <see cref="Reveal"/> only where the
/// value must reach a host.
/// </summary>
public sealed class Secret(string value, string origin)
{
    public const string Mask = "********";

    /// <summary>Where it came from, e.g. "env HALB_VRRP_SECRET" or "file /etc/halb/secret".</summary>
    public string Origin { get; } = origin;

    public int Length => value.Length;

    public string Reveal() => value;

    public override string ToString() => Mask;

    public override bool Equals(object? obj) => obj is Secret other && other.Reveal() == value;

    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);
}
