using System.Security.Cryptography;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>Environment variables, text files and package files served from dictionaries, so inventory tests touch no real state.</summary>
public sealed class FakeInventoryEnvironment : IInventoryEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal) { ["HALB_VRRP_SECRET"] = "k8sVip01" };

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Files read as bytes (package files), by absolute path.</summary>
    public Dictionary<string, byte[]> BinaryFiles { get; } = new(StringComparer.Ordinal);

    public string HomeDirectory => "/home/tester";

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public string? ReadFile(string path) => Files.GetValueOrDefault(path);

    /// <summary>An inventory file from <see cref="Files"/>, or else the real file (the repository's example inventories).</summary>
    public LocalFileRead ReadBytes(string path, int maxBytes) =>
        Files.TryGetValue(path, out var text) ? LocalFileRead.Read(System.Text.Encoding.UTF8.GetBytes(text)) : SystemInventoryEnvironment.Instance.ReadBytes(path, maxBytes);

    public string FullPath(string path) => Path.IsPathRooted(path) ? path : SystemInventoryEnvironment.Instance.FullPath(path);

    public LocalFileDigest? DigestFile(string path) =>
        BinaryFiles.TryGetValue(path, out var bytes) ? new LocalFileDigest(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))) : null;
}
