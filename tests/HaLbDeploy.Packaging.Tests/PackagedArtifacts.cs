using System.Text.RegularExpressions;
using HaLbDeploy.Packaging.Tests.TestSupport;

namespace HaLbDeploy.Packaging.Tests;

/// <summary>
/// Runs scripts/package once for all packaging tests, into a temporary directory, and installs the tool package from
/// there into a temporary tool path with a NuGet configuration that knows no other source: offline, as a user of an
/// air-gapped control host would.
/// </summary>
public sealed partial class PackagedArtifacts : IDisposable
{
    public PackagedArtifacts()
    {
        Version = VersionLine().Match(File.ReadAllText(RepositoryRoot.Of("Directory.Build.props"))).Groups["version"].Value;
        Package = ExternalProcess.Run("bash", [RepositoryRoot.Of("scripts/package"), Directory], TimeSpan.FromMinutes(5));
        if (Package.ExitCode != 0) return;

        var config = System.IO.Path.Combine(Work, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="artifacts" value="{Directory}" />
              </packageSources>
            </configuration>
            """);
        Install = ExternalProcess.Run("dotnet", ["tool", "install", "--tool-path", ToolPath, "--configfile", config, "HaLbDeploy"], TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
    }

    public string Version { get; }

    /// <summary>What scripts/package printed.</summary>
    public ProcessResult Package { get; }

    /// <summary>What `dotnet tool install` printed; null when packaging failed.</summary>
    public ProcessResult? Install { get; }

    public string Work { get; } = System.IO.Directory.CreateTempSubdirectory("halb-packaging-").FullName;

    public string Directory => System.IO.Path.Combine(Work, "artifacts");

    public string ToolPath => System.IO.Path.Combine(Work, "tools");

    public string ToolPackage => System.IO.Path.Combine(Directory, $"HaLbDeploy.{Version}.nupkg");

    public string SingleFile => System.IO.Path.Combine(Directory, $"halb-deploy-{Version}-linux-x64");

    public string InstalledTool => System.IO.Path.Combine(ToolPath, "halb-deploy");

    public void RequirePackaged() => Assert.True(Package.ExitCode == 0, Package.ToString());

    public void RequireInstalled()
    {
        RequirePackaged();
        Assert.True(Install is { ExitCode: 0 }, Install?.ToString());
    }

    public void Dispose() => System.IO.Directory.Delete(Work, recursive: true);

    [GeneratedRegex("<Version>(?<version>[^<]+)</Version>")]
    private static partial Regex VersionLine();
}
