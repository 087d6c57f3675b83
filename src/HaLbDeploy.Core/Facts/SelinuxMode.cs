namespace HaLbDeploy.Core.Facts;

/// <summary>What `getenforce` says.</summary>
public enum SelinuxMode
{
    /// <summary>The facts did not say (section missing or unreadable).</summary>
    Unknown,

    /// <summary>No getenforce on the node: SELinux tools are not installed (Debian, Ubuntu).</summary>
    Absent,

    Disabled,
    Permissive,
    Enforcing,
}
