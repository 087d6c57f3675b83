namespace HaLbDeploy.Core.Planning;

/// <summary>Terraform-style symbols so a plan reads at a glance: + adds, - removes, ~ changes in place, ! restarts.</summary>
public static class ChangeSymbols
{
    public static string Of(ChangeKind kind) => kind switch
    {
        ChangeKind.InstallPackage or ChangeKind.AllowFirewall or ChangeKind.CreateFile or ChangeKind.EnableUnit or ChangeKind.StartUnit => "+",
        ChangeKind.RestartUnit => "!",
        ChangeKind.RemoveFirewallRule or ChangeKind.StopUnit or ChangeKind.DisableUnit or ChangeKind.RemoveFile => "-",
        _ => "~",
    };
}
