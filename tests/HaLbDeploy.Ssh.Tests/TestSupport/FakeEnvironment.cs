using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>Environment variables from a dictionary, so credential tests touch no real state.</summary>
public sealed class FakeEnvironment(string homeDirectory = "/home/tester") : IInventoryEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public string HomeDirectory => homeDirectory;

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    /// <summary>The real file: tests read only files they made in their own temporary directory.</summary>
    public LocalFileRead ReadBytes(string path, int maxBytes) => HaLbDeploy.Runtime.Local.SystemInventoryEnvironment.Instance.ReadBytes(path, maxBytes);

    public string FullPath(string path) => path;

    public LocalFileDigest DigestFile(string path, long maxBytes) => LocalFileDigest.Failed(LocalFileRead.Missing());
}
