using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Failover;

/// <summary>The fault and the restore of a failover test in words, for its progress lines: a hook's command as it will run, else the built-in action.</summary>
public static class FaultActionText
{
    public static string Fault(FailoverTestOptions options, LbNode node) => options.Hooks is { } hooks
        ? OnTheControlHost(hooks.FaultCommand, node)
        : FaultScripts.Describe(options.Mode);

    public static string Restore(FailoverTestOptions options, LbNode node) => options.Hooks is { } hooks
        ? OnTheControlHost(hooks.RestoreCommand, node)
        : FaultScripts.DescribeRestore(options.Mode);

    private static string OnTheControlHost(string command, LbNode node) => CommandHookTemplate.Expand(command, node) + " (on the control host)";
}
