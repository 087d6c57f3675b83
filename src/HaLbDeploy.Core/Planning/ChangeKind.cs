namespace HaLbDeploy.Core.Planning;

/// <summary>The closed set of things apply can do to a node. Each has a plan symbol, see <see cref="ChangeSymbols"/>.</summary>
public enum ChangeKind
{
    InstallPackage,
    AllowFirewall,
    RemoveFirewallRule,
    SetSelinuxBoolean,
    CreateFile,
    UpdateFile,
    FixFileAttributes,
    EnableUnit,
    StartUnit,
    ReloadUnit,
    RestartUnit,

    /// <summary>On a retired node: a unit stopped (keepalived first, which hands the VIP over with priority 0).</summary>
    StopUnit,

    /// <summary>On a retired node: a unit no longer started at boot.</summary>
    DisableUnit,

    /// <summary>A file halb-deploy wrote removed: every managed file of a retired node, or one the inventory no longer renders.</summary>
    RemoveFile,
}
