using System.Security.Cryptography;
using HaLbDeploy.Core.Model;

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

    public LocalFileDigest? DigestFile(string path) =>
        BinaryFiles.TryGetValue(path, out var bytes) ? new LocalFileDigest(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))) : null;
}
