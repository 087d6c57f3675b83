using System.Security.Cryptography;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>Environment variables, text files and package files served from dictionaries, so inventory tests touch no real state.</summary>
public sealed class FakeInventoryEnvironment : IInventoryEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal) { ["HALB_VRRP_SECRET"] = "k8sVip01" };

    /// <summary>Text files (inventories, secret files), by absolute path.</summary>
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Files read as bytes (package files), by absolute path.</summary>
    public Dictionary<string, byte[]> BinaryFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Files too large to hold in a test, by absolute path and length: only their size is ever looked at.</summary>
    public Dictionary<string, long> OversizedFiles { get; } = new(StringComparer.Ordinal);

    public string HomeDirectory => "/home/tester";

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    /// <summary>A file from <see cref="Files"/>, or else the real file (the repository's example inventories), within <paramref name="maxBytes"/>.</summary>
    public LocalFileRead ReadBytes(string path, int maxBytes)
    {
        if (!Files.TryGetValue(path, out var text)) return SystemInventoryEnvironment.Instance.ReadBytes(path, maxBytes);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return bytes.Length > maxBytes ? LocalFileRead.TooLarge(bytes.Length) : LocalFileRead.Read(bytes);
    }

    /// <summary>The <see cref="Files"/> in the directory whose names match, in ordinal order.</summary>
    public IReadOnlyList<string> FindFiles(string directory, string namePattern) => Files.Keys
        .Where(f => Path.GetDirectoryName(f) == directory && HaLbDeploy.Core.SshConfig.SshHostPattern.Matches(namePattern, Path.GetFileName(f)))
        .Order(StringComparer.Ordinal).ToList();

    public string FullPath(string path) => Path.IsPathRooted(path) ? path : SystemInventoryEnvironment.Instance.FullPath(path);

    public LocalFileDigest DigestFile(string path, long maxBytes) => OversizedFiles.TryGetValue(path, out var length) && length > maxBytes
        ? LocalFileDigest.Failed(LocalFileRead.TooLarge(length))
        : BinaryFiles.TryGetValue(path, out var bytes)
        ? bytes.Length > maxBytes
            ? LocalFileDigest.Failed(LocalFileRead.TooLarge(bytes.Length))
            : LocalFileDigest.Of(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)))
        : LocalFileDigest.Failed(LocalFileRead.Missing());
}
