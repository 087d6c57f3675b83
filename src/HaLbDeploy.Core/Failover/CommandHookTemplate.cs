using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Shell;

namespace HaLbDeploy.Core.Failover;

/// <summary>Fills in a hook command for a node: {node} and {address}, each as one shell-quoted word.</summary>
public static class CommandHookTemplate
{
    public static string Expand(string template, LbNode node) => template
        .Replace("{node}", ShellQuote.Single(node.Name), StringComparison.Ordinal)
        .Replace("{address}", ShellQuote.Single(node.Address.ToString()), StringComparison.Ordinal);
}
