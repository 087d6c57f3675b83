using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Runtime.Apply;

/// <summary>
/// Installs keepalived and haproxy on a node from package files on the control host (`packages: source: files`):
/// copies the files of the node's format in upload scripts of bounded size (see <see cref="PackageUpload"/>), reading
/// each piece from disk only when its script is built, then checks the copies and installs them in one script.
/// </summary>
/// <param name="time">The clock the copy is timed on; the system's when null.</param>
public sealed class PackageFileInstaller(IHostWriter session, IRunProgress progress, string nodeName, int chunkBytes = PackageUpload.DefaultChunkBytes, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <returns>The first failed script's result, or the install script's.</returns>
    public async Task<ScriptResult> InstallAsync(PackageManager manager, IReadOnlyList<PackageFile> files, IReadOnlyList<string> packages, CancellationToken ct)
    {
        var extension = files.Count > 0 ? Path.GetExtension(files[0].FileName) : "";
        var total = files.Sum(f => f.Size);
        var chunks = PackageUpload.Chunks(files, chunkBytes);
        progress.Report("packages", nodeName, $"copying {files.Count} {extension} file(s), {Mebibytes(total)}, to {PackageUpload.NodeDirectory} in {chunks.Count} upload(s)");
        var started = _time.GetTimestamp();
        for (var i = 0; i < chunks.Count; i++)
        {
            var pieces = new List<PackagePieceContent>(chunks[i].Count);
            foreach (var piece in chunks[i]) pieces.Add(new PackagePieceContent(piece, await ReadAsync(piece, ct)));
            var result = await session.ChangeAsync($"upload package files ({i + 1}/{chunks.Count})", NodeScripts.UploadPackagePieces(pieces, startFresh: i == 0), ct);
            if (!result.Succeeded) return result;
        }
        progress.Report("packages", nodeName, $"copied {Mebibytes(total)} in {_time.GetElapsedTime(started).TotalSeconds:0.0} s; installing {string.Join(", ", packages)} from them with {manager.ToString().ToLowerInvariant()}");
        return await session.ChangeAsync("check and install package files", NodeScripts.InstallPackageFiles(manager, files), ct);
    }

    private static async Task<byte[]> ReadAsync(PackagePiece piece, CancellationToken ct)
    {
        var bytes = new byte[piece.Length];
        using var handle = File.OpenHandle(piece.File.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = await RandomAccess.ReadAsync(handle, bytes.AsMemory(read), piece.Offset + read, ct);
            if (n == 0) throw new IOException($"{piece.File.LocalPath} is shorter than when the inventory was loaded ({piece.File.Size} bytes)");
            read += n;
        }
        return bytes;
    }

    private static string Mebibytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MiB";
}
