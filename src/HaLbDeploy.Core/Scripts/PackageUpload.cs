using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// How package files travel to a node: base64 inside upload scripts on the SSH channel's standard input, cut into
/// scripts of at most <see cref="DefaultChunkBytes"/> file bytes each, so that neither the control host (which holds
/// one script per node at a time) nor the node's shell (which holds a script's here-documents) needs memory for the
/// whole set. Small files share a script; a large file spans several.
/// </summary>
public static class PackageUpload
{
    /// <summary>Where the files land on the node: root's, never world-writable, emptied before and after each install.</summary>
    public const string NodeDirectory = "/var/cache/halb-deploy/packages";

    /// <summary>2 MiB of file bytes (2.7 MiB of base64) per script.</summary>
    public const int DefaultChunkBytes = 2 * 1024 * 1024;

    public static string NodePath(PackageFile file) => $"{NodeDirectory}/{file.FileName}";

    /// <summary>The pieces of each upload script, in order; every file's bytes appear exactly once, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<PackagePiece>> Chunks(IReadOnlyList<PackageFile> files, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        var chunks = new List<IReadOnlyList<PackagePiece>>();
        var current = new List<PackagePiece>();
        var room = chunkBytes;
        foreach (var file in files)
        {
            long offset = 0;
            do
            {
                if (room == 0)
                {
                    chunks.Add(current);
                    current = [];
                    room = chunkBytes;
                }
                var length = (int)Math.Min(room, file.Size - offset);
                current.Add(new PackagePiece(file, offset, length));
                offset += length;
                room -= length;
            }
            while (offset < file.Size);
        }
        if (current.Count > 0) chunks.Add(current);
        return chunks;
    }
}
