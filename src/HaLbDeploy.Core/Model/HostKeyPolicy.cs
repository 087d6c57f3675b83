namespace HaLbDeploy.Core.Model;

public enum HostKeyPolicy
{
    /// <summary>Only keys already in known_hosts (or pinned) are accepted.</summary>
    Strict,

    /// <summary>An unknown key is accepted and recorded; a changed key is still refused.</summary>
    AcceptNew,
}
