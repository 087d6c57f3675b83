namespace HaLbDeploy.Core.Validation;

/// <summary>A 1-based line and column in the inventory file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition WholeFile = new(0, 0);
}
