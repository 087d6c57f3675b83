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
}
