namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>
/// A temporary folder with one file of each kind a load must refuse without blocking or reading without end: a FIFO,
/// a symbolic link to /dev/zero, a directory, a Unix socket and a sparse file of 10 GiB. Each is named like a package
/// file (KIND/keepalived_2.2.7-1_amd64.deb), so that it passes the name rules wherever it is used: as -i, as
/// `secret_file:` or as a package `path:`.
/// </summary>
public sealed class SpecialFileSet : IDisposable
{
    public const string FileName = "keepalived_2.2.7-1_amd64.deb";

    public static string[] Kinds => SpecialFile.Kinds;

    public SpecialFileSet()
    {
        Folder = Directory.CreateTempSubdirectory("halb-special-set-").FullName;
        foreach (var kind in Kinds)
        {
            Directory.CreateDirectory(Path.Combine(Folder, kind));
            SpecialFile.Make(PathOf(kind), kind);
            if (!Path.Exists(PathOf(kind)) && kind != "zero-link") throw new InvalidOperationException($"the {kind} was not made");
        }
    }

    /// <summary>The folder, also a place to write inventories that name the special files by relative path.</summary>
    public string Folder { get; }

    public string PathOf(string kind) => Path.Combine(Folder, kind, FileName);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
