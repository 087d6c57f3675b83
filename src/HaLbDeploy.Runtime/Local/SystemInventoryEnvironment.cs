using System.Security.Cryptography;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Local;

/// <summary>The real process environment and file system. Files are read only when they are regular files of bounded size (<see cref="RegularFileOpener"/>).</summary>
public sealed class SystemInventoryEnvironment : IInventoryEnvironment
{
    public static readonly SystemInventoryEnvironment Instance = new();

    private const int ChunkBytes = 1024 * 1024;

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public LocalFileRead ReadBytes(string path, int maxBytes)
    {
        try
        {
            if (!RegularFileOpener.TryOpen(path, maxBytes, out var stream, out var failure)) return failure;
            using (stream)
            {
                var bytes = new MemoryStream();
                var read = CopyAtMost(stream, maxBytes + 1L, chunk => bytes.Write(chunk));
                return read > maxBytes ? LocalFileRead.TooLarge(read) : LocalFileRead.Read(bytes.ToArray());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LocalFileRead.Unreadable(e.Message);
        }
    }

    public string FullPath(string path) => Path.GetFullPath(path);

    public IReadOnlyList<string> FindFiles(string directory, string namePattern)
    {
        try
        {
            return Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 })
                .Where(f => HaLbDeploy.Core.SshConfig.SshHostPattern.Matches(namePattern, Path.GetFileName(f)))
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public LocalFileDigest DigestFile(string path, long maxBytes)
    {
        try
        {
            if (!RegularFileOpener.TryOpen(path, maxBytes, out var stream, out var failure)) return LocalFileDigest.Failed(failure);
            using (stream)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var read = CopyAtMost(stream, maxBytes + 1, chunk => hash.AppendData(chunk));
                return read > maxBytes
                    ? LocalFileDigest.Failed(LocalFileRead.TooLarge(read))
                    : LocalFileDigest.Of(read, Convert.ToHexStringLower(hash.GetHashAndReset()));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LocalFileDigest.Failed(LocalFileRead.Unreadable(e.Message));
        }
    }

    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Hands the stream's bytes to <paramref name="consume"/> until its end or <paramref name="limit"/> bytes; returns how many were read.</summary>
    private static long CopyAtMost(Stream stream, long limit, Action<ReadOnlySpan<byte>> consume)
    {
        var buffer = new byte[(int)Math.Min(ChunkBytes, limit)];
        long total = 0;
        int n;
        while (total < limit && (n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
        {
            consume(buffer.AsSpan(0, n));
            total += n;
        }
        return total;
    }
}
