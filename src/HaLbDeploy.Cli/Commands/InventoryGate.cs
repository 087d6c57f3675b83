using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Loads the inventory and prints its problems; commands go on only with a valid inventory.</summary>
public static class InventoryGate
{
    /// <summary>Loads the file; problems name it as the user wrote it on the command line.</summary>
    public static InventoryLoadResult Load(FileInfo file) => new InventoryLoader(SystemInventoryEnvironment.Instance).LoadFile(file.ToString());

    /// <summary>Loads the file and prints every problem (errors and warnings) to <paramref name="error"/>; null when it is not valid.</summary>
    public static Inventory? LoadOrReport(FileInfo file, TextWriter error)
    {
        var result = Load(file);
        ProblemsTextRenderer.Write(error, result);
        return result.Inventory;
    }
}
