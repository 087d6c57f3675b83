using System.Security.Cryptography;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Runtime.Apply;
using HaLbDeploy.Runtime.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>Package files in, scripts out, and those scripts run by a local shell standing in for the node.</summary>
public sealed class PackageFileInstallerTests : IDisposable
{
    private readonly string _localDirectory = Directory.CreateTempSubdirectory("halb-local-pkgs-").FullName;
    private readonly RecordingProgress _progress = new();

    [Theory]
    [InlineData("dash")]
    [InlineData("bash")]
    public async Task Files_larger_than_a_script_arrive_whole_are_checked_and_installed_together(string shell)
    {
        using var node = new LocalPackageNode(shell);
        var files = new[] { LocalPackage("keepalived_2.2.7-1_amd64.deb", 2500), LocalPackage("haproxy_2.6.12-1_amd64.deb", 700), LocalPackage("liblua5.3-0_5.3.6-2_amd64.deb", 10) };

        var result = await new PackageFileInstaller(node, _progress, "lb1", chunkBytes: 1000).InstallAsync(PackageManager.Apt, files, ["keepalived", "haproxy"], CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["upload package files (1/4)", "upload package files (2/4)", "upload package files (3/4)", "upload package files (4/4)", "check and install package files"], node.Descriptions);
        Assert.Contains("apt-get install", result.StandardOutput);
        foreach (var file in files) Assert.Contains(PackageUpload.NodePath(file).Replace(PackageUpload.NodeDirectory, node.PackageDirectory, StringComparison.Ordinal), result.StandardOutput);
        Assert.False(Directory.Exists(node.PackageDirectory), "the copies are removed after the install");
        Assert.Contains("[packages/lb1] copying 3 .deb file(s), 0.0 MiB, to /var/cache/halb-deploy/packages in 4 upload(s)", _progress.Lines);
    }

    [Fact]
    public async Task A_copy_that_differs_from_the_file_sent_is_named_and_nothing_is_installed()
    {
        using var node = new LocalPackageNode();
        var files = new[] { LocalPackage("keepalived_2.2.7-1_amd64.deb", 300), LocalPackage("haproxy_2.6.12-1_amd64.deb", 300) };
        node.Before["check and install package files"] = () => File.AppendAllText(Path.Combine(node.PackageDirectory, "haproxy_2.6.12-1_amd64.deb"), "x");

        var result = await new PackageFileInstaller(node, _progress, "lb1").InstallAsync(PackageManager.Apt, files, ["haproxy"], CancellationToken.None);

        Assert.Equal(ScriptMarkers.ExitPackageDigestMismatch, result.ExitCode);
        Assert.Equal(["haproxy_2.6.12-1_amd64.deb"], ScriptMarkers.BadDigestFiles(result.StandardOutput));
        Assert.DoesNotContain("apt-get install", result.StandardOutput);
        Assert.False(Directory.Exists(node.PackageDirectory));
    }

    [Fact]
    public async Task The_copy_is_timed_on_the_injected_clock()
    {
        using var node = new LocalPackageNode();
        var time = new FakeTimeProvider();
        var files = new[] { LocalPackage("haproxy_2.6.12-1_amd64.deb", 300) };
        node.Before["upload package files (1/1)"] = () => time.Advance(TimeSpan.FromSeconds(4.2));

        await new PackageFileInstaller(node, _progress, "lb1", time: time).InstallAsync(PackageManager.Apt, files, ["haproxy"], CancellationToken.None);

        Assert.Contains("[packages/lb1] copied 0.0 MiB in 4.2 s; installing haproxy from them with apt", _progress.Lines);
    }

    [Fact]
    public async Task A_stale_file_from_an_earlier_run_is_cleared_before_the_first_upload()
    {
        using var node = new LocalPackageNode();
        Directory.CreateDirectory(node.PackageDirectory);
        File.WriteAllText(Path.Combine(node.PackageDirectory, "stale_1.0_amd64.deb"), "old");
        var files = new[] { LocalPackage("haproxy_2.6.12-1_amd64.deb", 300) };
        node.Before["check and install package files"] = () =>
            Assert.Equal(["haproxy_2.6.12-1_amd64.deb"], Directory.GetFiles(node.PackageDirectory).Select(Path.GetFileName));

        var result = await new PackageFileInstaller(node, _progress, "lb1").InstallAsync(PackageManager.Apt, files, ["haproxy"], CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task A_failed_upload_stops_before_the_install()
    {
        using var node = new LocalPackageNode();
        var files = new[] { LocalPackage("haproxy_2.6.12-1_amd64.deb", 3000) };
        node.Before["upload package files (2/3)"] = () => Directory.Delete(node.PackageDirectory, recursive: true);

        var result = await new PackageFileInstaller(node, _progress, "lb1", chunkBytes: 1000).InstallAsync(PackageManager.Apt, files, ["haproxy"], CancellationToken.None);

        Assert.Equal(ScriptMarkers.ExitWriteFailed, result.ExitCode);
        Assert.Contains("the upload directory /var/cache/halb-deploy/packages is gone", result.StandardError.Replace(node.PackageDirectory, PackageUpload.NodeDirectory, StringComparison.Ordinal));
        Assert.Equal(2, node.Descriptions.Count);
    }

    [Fact]
    public async Task A_file_that_shrank_since_the_inventory_was_loaded_is_an_error_not_a_short_copy()
    {
        using var node = new LocalPackageNode();
        var file = LocalPackage("haproxy_2.6.12-1_amd64.deb", 300);
        File.WriteAllBytes(file.LocalPath, new byte[100]);

        var error = await Assert.ThrowsAsync<IOException>(() =>
            new PackageFileInstaller(node, _progress, "lb1").InstallAsync(PackageManager.Apt, [file], ["haproxy"], CancellationToken.None));

        Assert.Contains("is shorter than when the inventory was loaded", error.Message);
        Assert.Empty(node.Descriptions);
    }

    private PackageFile LocalPackage(string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Path.Combine(_localDirectory, name);
        File.WriteAllBytes(path, bytes);
        return new PackageFile(path, name, size, Convert.ToHexStringLower(SHA256.HashData(bytes)), name.EndsWith(".rpm", StringComparison.Ordinal) ? PackageFormat.Rpm : PackageFormat.Deb);
    }

    public void Dispose() => Directory.Delete(_localDirectory, recursive: true);
}
