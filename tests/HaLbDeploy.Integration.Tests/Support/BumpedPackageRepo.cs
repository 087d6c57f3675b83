using System.Diagnostics;
using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// The lab's keepalived and haproxy rebuilt as VERSION+halb1 by lab/bumped-debs, in a temporary folder, served on
/// 10.211.0.1:8089 by a server this test starts and stops by its PID, and an apt source for it on the tier's nodes
/// while it lives. Dispose removes the source from the nodes, stops the server and removes the folder.
/// </summary>
public sealed class BumpedPackageRepo : IAsyncDisposable
{
    public const string SourceFile = "/etc/apt/sources.list.d/halb-bumped.list";
    private const string Address = "10.211.0.1";
    private const int Port = 8089;
    private readonly DirectoryInfo _directory;
    private readonly Process _server;

    private BumpedPackageRepo(DirectoryInfo directory, IReadOnlyDictionary<string, string> versions, Process server)
    {
        _directory = directory;
        Versions = versions;
        _server = server;
    }

    /// <summary>The bumped version of each package, e.g. haproxy: 2.6.12-1+deb12u4+halb1.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; }

    public static async Task<BumpedPackageRepo> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("halb-bumped-debs-");
        var built = Run("build", directory.FullName);
        var versions = built.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(w => w[0], w => w[1]);
        Assert.Equal(["haproxy", "keepalived"], versions.Keys.Order());
        var start = new ProcessStartInfo(Script) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(directory.FullName);
        var server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var repo = new BumpedPackageRepo(directory, versions, server);
        for (var i = 0; i < 100 && await VipProber.TryConnectAsync(Address, Port) is not null; i++) await Task.Delay(100);
        Assert.Null(await VipProber.TryConnectAsync(Address, Port));
        await LabNodeShell.RunOnTierAsync($"echo 'deb [trusted=yes] http://{Address}:{Port}/ ./' > {SourceFile}");
        return repo;
    }

    private static string Script => RepositoryRoot.Of("lab/bumped-debs");

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Script) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "lab/bumped-debs did not finish in 120 s");
        Assert.True(process.ExitCode == 0, $"lab/bumped-debs exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await LabNodeShell.RunOnTierAsync($"rm -f {SourceFile}");
        }
        finally
        {
            if (!_server.HasExited) _server.Kill();
            await _server.WaitForExitAsync();
            _server.Dispose();
            _directory.Delete(recursive: true);
        }
    }
}
