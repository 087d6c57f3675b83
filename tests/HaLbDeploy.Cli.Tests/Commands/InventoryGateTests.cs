using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Cli.Tests.TestSupport;
using HaLbDeploy.Runtime.Local;
using Xunit.Abstractions;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>
/// One signal stops a load at once. No legal input can make the load block any more (a FIFO or a device is refused
/// unopened), so the slowest legal load is hashing package files: here 16 sparse files of the 512 MiB cap (8 GiB to
/// hash). halb-deploy runs as its own process so that a real SIGTERM reaches it; it is sent once the load has a
/// package file open, and the process must end within seconds with 130 and the message that nothing was done.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InventoryGateTests(ITestOutputHelper output) : IDisposable
{
    private const int PackageFiles = 16;

    /// <summary>The largest package file a load accepts (docs/inventory-reference.md: 512 MiB).</summary>
    private const long LargestPackageFile = 512L * 1024 * 1024;
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("halb-slow-load-").FullName;

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    public async Task A_single_sigterm_during_the_slowest_legal_load_ends_the_command_at_once_with_130_and_nothing_done(string command)
    {
        var inventory = SlowInventory();
        using var process = Start(command, inventory);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var opened = await WaitForAPackageFileOpenAsync(process);
        var clock = Stopwatch.StartNew();

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(deadline.Token);
        var ended = clock.Elapsed;
        var error = await stderr;

        output.WriteLine($"{command}: SIGTERM while hashing {Path.GetFileName(opened)} of {PackageFiles}; ended {ended.TotalSeconds:0.00} s later; one file hashes in {TimeToHashOneFile().TotalSeconds:0.00} s");
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {error}{await stdout}");
        Assert.Contains(InventoryGate.InterruptedMessage, error);
        Assert.True(ended < Prompt, $"ended {ended} after the signal");
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>The example inventory with 16 package files of the largest size allowed, each sparse (no disk used).</summary>
    private string SlowInventory()
    {
        var text = File.ReadAllText(RepositoryRoot.Of("inventory/example.yaml")) + "\npackages:\n  source: files\n  files:\n";
        for (var i = 1; i <= PackageFiles; i++)
        {
            var name = $"pkg{i:00}_1.0_amd64.deb";
            using (var file = File.Create(Path.Combine(_folder, name))) file.SetLength(LargestPackageFile);
            text += $"    - path: {name}\n";
        }
        var path = Path.Combine(_folder, "inventory.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static Process Start(string command, string inventory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "halb-deploy.dll"), command, "-i", inventory })
            start.ArgumentList.Add(argument);
        start.Environment["HALB_VRRP_SECRET"] = CliRunner.Secret;
        return Process.Start(start)!;
    }

    /// <summary>Polls the process's open files (bounded) until one of the package files is open: the load is hashing.</summary>
    private async Task<string> WaitForAPackageFileOpenAsync(Process process)
    {
        var until = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            foreach (var fd in SafeList($"/proc/{process.Id}/fd"))
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(_folder, StringComparison.Ordinal) && target.EndsWith(".deb", StringComparison.Ordinal))
                    return target;
            await Task.Delay(20);
        }
        Assert.Fail($"halb-deploy never had a package file open (exited: {process.HasExited})");
        return "";
    }

    private static string[] SafeList(string folder)
    {
        try { return Directory.GetFiles(folder); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    private TimeSpan TimeToHashOneFile()
    {
        var clock = Stopwatch.StartNew();
        SystemInventoryEnvironment.Instance.DigestFile(Path.Combine(_folder, "pkg01_1.0_amd64.deb"), LargestPackageFile);
        return clock.Elapsed;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
