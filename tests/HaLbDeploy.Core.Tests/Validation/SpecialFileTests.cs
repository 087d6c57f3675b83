using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Core.Tests.Validation;

/// <summary>
/// Files named by -i, `secret_file:` or a package `path:` that are no regular files, or far too large, on the real file
/// system: each is refused before it is opened or read whole, as a located error, and within a time limit, so that a
/// regression fails here instead of hanging the test run.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("halb-special-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task An_inventory_that_is_a_fifo_is_refused_without_waiting_for_a_writer()
    {
        var error = Assert.Single((await LoadFile(MakeFifo("inventory.yaml"))).Errors);

        Assert.Equal(("not-a-regular-file", 0), (error.Code, error.Line));
        Assert.Contains("a FIFO (named pipe), not a regular file", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }

    [Fact]
    public async Task An_inventory_that_is_dev_zero_is_refused_unread()
    {
        var error = Assert.Single((await LoadFile("/dev/zero")).Errors);

        Assert.Equal("not-a-regular-file", error.Code);
        Assert.Contains("a character device", error.Message);
    }

    [Fact]
    public async Task An_inventory_that_is_a_link_to_dev_zero_is_refused_unread()
    {
        var link = Path.Combine(_directory, "inventory.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");

        Assert.Equal("not-a-regular-file", Assert.Single((await LoadFile(link)).Errors).Code);
    }

    [Fact]
    public async Task A_secret_file_that_is_a_fifo_is_refused_at_its_key()
    {
        MakeFifo("vrrp.secret");

        var error = Assert.Single((await LoadFile(WriteInventory(WithSecretFile("vrrp.secret")))).Errors);

        Assert.Equal(("not-a-regular-file", "vrrp.auth.secret_file", 10, 18), (error.Code, error.Field, error.Line, error.Column));
        Assert.Contains("a FIFO (named pipe)", error.Message);
    }

    [Fact]
    public async Task A_secret_file_that_is_dev_zero_is_refused_at_its_key()
    {
        var error = Assert.Single((await LoadFile(WriteInventory(WithSecretFile("/dev/zero")))).Errors);

        Assert.Equal(("not-a-regular-file", 10, 18), (error.Code, error.Line, error.Column));
        Assert.Contains("a character device", error.Message);
    }

    [Fact]
    public async Task A_secret_file_of_100_megabytes_is_refused_without_being_read()
    {
        MakeSparseFile("vrrp.secret", 100_000_000);

        var error = Assert.Single((await LoadFile(WriteInventory(WithSecretFile("vrrp.secret")))).Errors);

        Assert.Equal(("file-too-large", 10, 18), (error.Code, error.Line, error.Column));
        Assert.Contains("100000000 bytes; a secret file holds at most 4096", error.Message);
    }

    [Fact]
    public async Task A_package_file_that_is_a_fifo_is_refused_at_its_path()
    {
        WritePackages();
        File.Delete(Path.Combine(_directory, "pkgs/haproxy_2.6.12-1_amd64.deb"));
        MakeFifo("pkgs/haproxy_2.6.12-1_amd64.deb");

        var error = Assert.Single((await LoadFile(WriteInventory(WithPackages()))).Errors);

        Assert.Equal(("not-a-regular-file", "packages.files[1].path", 35, 13), (error.Code, error.Field, error.Line, error.Column));
        Assert.Contains("a FIFO (named pipe)", error.Message);
    }

    [Fact]
    public async Task A_package_file_linked_to_dev_zero_is_refused_instead_of_hashed_forever()
    {
        WritePackages();
        var package = Path.Combine(_directory, "pkgs/haproxy_2.6.12-1_amd64.deb");
        File.Delete(package);
        File.CreateSymbolicLink(package, "/dev/zero");

        var error = Assert.Single((await LoadFile(WriteInventory(WithPackages()))).Errors);

        Assert.Equal(("not-a-regular-file", 35, 13), (error.Code, error.Line, error.Column));
        Assert.Contains("a character device", error.Message);
    }

    [Fact]
    public async Task A_package_file_over_512_mebibytes_is_refused_without_being_hashed()
    {
        WritePackages();
        MakeSparseFile("pkgs/haproxy_2.6.12-1_amd64.deb", 513L * 1024 * 1024);

        var error = Assert.Single((await LoadFile(WriteInventory(WithPackages()))).Errors);

        Assert.Equal(("file-too-large", 35, 13), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public async Task Secret_and_package_files_behind_links_to_regular_files_still_load()
    {
        WritePackages();
        File.WriteAllText(Path.Combine(_directory, "real.secret"), "s3cret\n");
        File.CreateSymbolicLink(Path.Combine(_directory, "vrrp.secret"), "real.secret");
        var package = Path.Combine(_directory, "pkgs/haproxy_2.6.12-1_amd64.deb");
        File.Move(package, package + ".real");
        File.CreateSymbolicLink(package, package + ".real");

        var result = await LoadFile(WriteInventory(WithSecretFile("vrrp.secret") + Inventories.FilesSection));

        Assert.Empty(result.Errors);
        Assert.Equal("s3cret", result.Inventory!.Vrrp.AuthSecret!.Reveal());
        Assert.Equal("haproxy package"u8.Length, result.Inventory.Packages.Files[1].Size);
    }

    /// <summary>Loads on a pool thread: if the load blocks on the file, the test fails at the limit (the thread stays blocked, the run goes on).</summary>
    private static async Task<InventoryLoadResult> LoadFile(string path)
    {
        var load = Task.Run(() => new InventoryLoader(SystemInventoryEnvironment.Instance).LoadFile(path));
        Assert.True(await Task.WhenAny(load, Task.Delay(Limit)) == load, $"loading {path} did not finish within {Limit.TotalSeconds} s: it blocks on the file");
        return await load;
    }

    private static string WithSecretFile(string path) => Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", $"secret_file: {path}");

    /// <summary>The packages section with a plain-text secret (a warning only), so no environment variable is needed.</summary>
    private static string WithPackages() => Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", "secret: k8sVip01") + Inventories.FilesSection;

    private void WritePackages()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "pkgs"));
        File.WriteAllText(Path.Combine(_directory, "pkgs/keepalived_2.2.7-1_amd64.deb"), "keepalived package");
        File.WriteAllText(Path.Combine(_directory, "pkgs/haproxy_2.6.12-1_amd64.deb"), "haproxy package");
    }

    private string WriteInventory(string yaml)
    {
        var path = Path.Combine(_directory, "inventory.yaml");
        File.WriteAllText(path, yaml + "\n");
        return path;
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_directory, name);
        var made = ExternalCommand.Run(ExternalCommand.Locate("mkfifo") ?? "mkfifo", [path]);
        Assert.True(made.ExitCode == 0, $"mkfifo {path} failed");
        return path;
    }

    /// <summary>A file of that length that occupies (almost) no disk: only its size is ever looked at.</summary>
    private void MakeSparseFile(string name, long length)
    {
        using var file = File.Create(Path.Combine(_directory, name));
        file.SetLength(length);
    }
}
