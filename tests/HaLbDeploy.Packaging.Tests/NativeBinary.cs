using HaLbDeploy.Packaging.Tests.TestSupport;

namespace HaLbDeploy.Packaging.Tests;

/// <summary>Runs scripts/build-native once for the Native AOT tests, into a temporary directory (about 1.5 to 3 minutes on two cores).</summary>
public sealed class NativeBinary : IDisposable
{
    public NativeBinary()
    {
        var version = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(RepositoryRoot.Of("Directory.Build.props")), "<Version>(?<v>[^<]+)</Version>").Groups["v"].Value;
        Version = version;
        Build = ExternalProcess.Run("bash", [RepositoryRoot.Of("scripts/build-native"), Directory], TimeSpan.FromMinutes(20));
    }

    public string Version { get; }

    /// <summary>What scripts/build-native printed.</summary>
    public ProcessResult Build { get; }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("halb-native-").FullName;

    public string Executable => Path.Combine(Directory, $"halb-deploy-{Version}-linux-x64-native");

    public void RequireBuilt() => Assert.True(Build.ExitCode == 0, Build.ToString());

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
