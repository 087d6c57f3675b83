using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Core.Model;

/// <summary>Turns a path written in the inventory into the path on the control host: ~ is the home directory, a relative path is relative to the inventory file.</summary>
internal sealed class LocalPathResolver(IInventoryEnvironment environment, string inventoryDirectory)
{
    /// <summary>
    /// False when the path holds a control character: a path ending in a line break is a quoting mistake that would
    /// name another file, and a NUL cannot be passed to the system at all.
    /// </summary>
    public bool TryResolve(string written, out string path)
    {
        path = "";
        if (written.Any(char.IsControl)) return false;
        path = Resolve(written);
        return true;
    }

    public string Resolve(string path)
    {
        if (path == "~") return environment.HomeDirectory;
        if (path.StartsWith("~/", StringComparison.Ordinal)) return Path.Combine(environment.HomeDirectory, path[2..]);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(inventoryDirectory, path));
    }
}
