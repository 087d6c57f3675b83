namespace HaLbDeploy.Core.Model;

/// <summary>How a command wants its inventory loaded.</summary>
public sealed record InventoryLoadOptions
{
    /// <summary>
    /// validate and render only (they connect to nothing): a VRRP secret whose environment variable is not set is a
    /// warning and a placeholder instead of an error, so the README's tour works before the secret is exported.
    /// </summary>
    public bool AllowSecretPlaceholder { get; init; }

    /// <summary>
    /// The ssh_config file to read (--ssh-config), "none" to read none; null: the inventory's ssh.config, else
    /// ~/.ssh/config when it exists.
    /// </summary>
    public string? SshConfig { get; init; }
}
