namespace HaLbDeploy.Core.Facts;

public enum FirewalldStatus
{
    /// <summary>The facts did not say (section missing or unreadable).</summary>
    Unknown,

    /// <summary>No firewall-cmd on the node.</summary>
    NotInstalled,

    /// <summary>Installed but the daemon is not running: it filters nothing.</summary>
    NotRunning,

    Running,
}
