using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Runtime.Tests.TestSupport;

/// <summary>
/// Runs node scripts on this machine with sh, the way a node would, with two changes so no test touches the real
/// system: the package directory is a temporary one, and package managers only print what they were asked to do.
/// Records every script it ran.
/// </summary>
public sealed class LocalPackageNode : IHostWriter, IDisposable
{
    public LocalPackageNode(string shell = "sh")
    {
        Shell = shell;
        Directory.CreateDirectory(Root);
    }

    public string Shell { get; }

    /// <summary>Stands for /var/cache/halb-deploy on the node.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"halb-pkg-{Guid.NewGuid():N}");

    public string PackageDirectory => Path.Combine(Root, "packages");

    public List<string> Descriptions { get; } = [];

    public List<string> Scripts { get; } = [];

    /// <summary>Runs before a script with this description, e.g. to spoil a file the node received.</summary>
    public Dictionary<string, Action> Before { get; } = new(StringComparer.Ordinal);

    public string NodeName => "local";

    public Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken) =>
        ChangeAsync(description, script, cancellationToken);

    public Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken)
    {
        Descriptions.Add(description);
        Scripts.Add(script);
        if (Before.TryGetValue(description, out var action)) action();
        var local = script
            .Replace(PackageUpload.NodeDirectory, PackageDirectory, StringComparison.Ordinal)
            .Replace("/var/cache/halb-deploy", Root, StringComparison.Ordinal)
            .Replace(" -o root -g root ", " ", StringComparison.Ordinal)
            .Replace("apt-get install", "echo apt-get install", StringComparison.Ordinal)
            .Replace("dnf install", "echo dnf install", StringComparison.Ordinal)
            .Replace("yum localinstall", "echo yum localinstall", StringComparison.Ordinal);
        return Task.FromResult(LocalShell.Run(Shell, local));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
