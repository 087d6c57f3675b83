namespace HaLbDeploy.Core.Validation;

/// <summary>What a key holds: one value, a section of keys, or a list of sections.</summary>
public enum AcceptedKeyKind
{
    Value,
    Section,
    List,
}
