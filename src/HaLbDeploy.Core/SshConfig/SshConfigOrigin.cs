namespace HaLbDeploy.Core.SshConfig;

/// <summary>A file and a 1-based line number in it.</summary>
public sealed record SshConfigOrigin(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
