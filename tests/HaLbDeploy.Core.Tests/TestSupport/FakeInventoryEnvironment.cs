using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Tests.TestSupport;

/// <summary>Environment variables and files served from dictionaries, so inventory tests touch no real state.</summary>
public sealed class FakeInventoryEnvironment : IInventoryEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal) { ["HALB_VRRP_SECRET"] = "k8sVip01" };

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string HomeDirectory => "/home/tester";

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public string? ReadFile(string path) => Files.GetValueOrDefault(path);
}
