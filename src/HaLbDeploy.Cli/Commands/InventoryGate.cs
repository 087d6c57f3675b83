using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Loads the inventory and prints its problems; commands go on only with a valid inventory.</summary>
public static class InventoryGate
{
    /// <summary>For the commands that reach nodes: --ssh-config chooses the ssh_config; a missing VRRP secret is an error.</summary>
    public static InventoryLoadOptions ForNodes(string? sshConfig) => new() { SshConfig = sshConfig };

    /// <summary>For validate and render, which reach no node: a VRRP secret not yet exported becomes a warning and a placeholder.</summary>
    public static InventoryLoadOptions ForReview(string? sshConfig) => new() { SshConfig = sshConfig, AllowSecretPlaceholder = true };

    /// <summary>Loads the file; problems name it as the user wrote it on the command line.</summary>
    public static InventoryLoadResult Load(FileInfo file, InventoryLoadOptions? options = null) =>
        new InventoryLoader(SystemInventoryEnvironment.Instance, options).LoadFile(file.ToString());

    /// <summary>Loads the file and prints every problem (errors and warnings) to <paramref name="error"/>; null when it is not valid.</summary>
    public static Inventory? LoadOrReport(FileInfo file, TextWriter error, InventoryLoadOptions? options = null)
    {
        var result = Load(file, options);
        ProblemsTextRenderer.Write(error, result);
        return result.Inventory;
    }
}
