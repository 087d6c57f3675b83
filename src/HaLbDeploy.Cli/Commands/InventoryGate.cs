using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>
/// Loads the inventory and prints its problems; commands go on only with a valid inventory. The load runs on a pool
/// thread and is waited for with the command's token, so that one signal ends the wait at once, however long the
/// load would still take (hashing many package files of the largest size takes minutes): nothing has been done yet,
/// so there is nothing to finish or roll back. The abandoned load ends with the process.
/// </summary>
public static class InventoryGate
{
    public const string InterruptedMessage = "interrupted while the inventory was loading: nothing was done, no host was touched.";

    /// <summary>For the commands that reach nodes: --ssh-config chooses the ssh_config; a missing VRRP secret is an error.</summary>
    public static InventoryLoadOptions ForNodes(string? sshConfig) => new() { SshConfig = sshConfig };

    /// <summary>For validate and render, which reach no node: a VRRP secret not yet exported becomes a warning and a placeholder.</summary>
    public static InventoryLoadOptions ForReview(string? sshConfig) => new() { SshConfig = sshConfig, AllowSecretPlaceholder = true };

    /// <summary>Loads the file; problems name it as the user wrote it on the command line.</summary>
    public static InventoryLoadResult Load(FileInfo file, InventoryLoadOptions? options = null) =>
        new InventoryLoader(SystemInventoryEnvironment.Instance, options).LoadFile(file.ToString());

    /// <summary>The load, or null (with <see cref="InterruptedMessage"/> printed) when the token fired first.</summary>
    public static async Task<InventoryLoadResult?> LoadAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken, InventoryLoadOptions? options = null)
    {
        var load = Task.Run(() => Load(file, options), CancellationToken.None);
        try
        {
            return await load.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine(InterruptedMessage);
            return null;
        }
    }

    /// <summary>
    /// Loads the file and prints every problem (errors and warnings) to <paramref name="error"/>; null when it is not
    /// valid or the load was interrupted (see <see cref="ExitCodeWithout"/>).
    /// </summary>
    public static async Task<Inventory?> LoadOrReportAsync(FileInfo file, TextWriter error, CancellationToken cancellationToken, InventoryLoadOptions? options = null)
    {
        if (await LoadAsync(file, error, cancellationToken, options) is not { } result) return null;
        ProblemsTextRenderer.Write(error, result);
        return result.Inventory;
    }

    /// <summary>The exit code of a command that got no inventory: interrupted, or bad input.</summary>
    public static int ExitCodeWithout(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.UsageError;
}
