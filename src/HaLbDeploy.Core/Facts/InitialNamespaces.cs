namespace HaLbDeploy.Core.Facts;

/// <summary>
/// Reads `readlink /proc/self/ns/pid /proc/self/ns/user`. The kernel gives its initial namespaces fixed inode
/// numbers (PROC_PID_INIT_INO 0xEFFFFFFC, PROC_USER_INIT_INO 0xEFFFFFFD), so "pid:[4026531836]" and
/// "user:[4026531837]" mean the node is not a container. The proc connector that keepalived's track_process
/// listens on ignores listeners from any other namespace (keepalived logs "Failed to bind to process monitoring
/// socket"), as on systemd-nspawn, LXC and Docker nodes.
/// </summary>
public static class InitialNamespaces
{
    public const string InitialPid = "pid:[4026531836]";
    public const string InitialUser = "user:[4026531837]";

    /// <summary>True in the initial namespaces, false in a container, null when the output names neither.</summary>
    public static bool? Parse(IEnumerable<string> lines)
    {
        var values = lines.Select(l => l.Trim()).ToList();
        var pid = values.FirstOrDefault(v => v.StartsWith("pid:", StringComparison.Ordinal));
        var user = values.FirstOrDefault(v => v.StartsWith("user:", StringComparison.Ordinal));
        if (pid is null || user is null) return null;
        return pid == InitialPid && user == InitialUser;
    }
}
