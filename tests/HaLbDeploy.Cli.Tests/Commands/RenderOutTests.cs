using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>
/// render --out takes a directory only, follows no link inside it, and writes each file new with its final mode:
/// nothing planted in OUT can make it overwrite another file with the secret-bearing keepalived.conf.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RenderOutTests : IDisposable
{
    private const string KeepalivedConf = "lb1/etc/keepalived/keepalived.conf";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("halb-render-out-");

    private string Out => Path.Combine(_scratch.FullName, "out");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task An_existing_file_as_out_is_refused_with_exit_2_and_keeps_its_content()
    {
        File.WriteAllText(Out, "mine\n");

        var (exit, output, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.Equal($"error: --out {Out} is not a directory\n", error);
        Assert.Empty(output);
        Assert.Equal("mine\n", File.ReadAllText(Out));
    }

    [Fact]
    public async Task A_fifo_as_out_is_refused_with_exit_2_without_waiting_for_a_reader()
    {
        Run("mkfifo", Out);

        var (exit, _, error) = await Render(Out).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exit);
        Assert.Equal($"error: --out {Out} is not a directory\n", error);
    }

    [Theory]
    [InlineData("/proc/self")]
    [InlineData("/proc/self/halb-out")]
    [InlineData("/sys/kernel")]
    public async Task A_directory_of_the_kernel_as_out_is_refused_with_exit_2(string outDir)
    {
        var (exit, _, error) = await Render(outDir);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: --out {outDir} is in /{outDir.Split('/')[1]}, the kernel's view of the system, not a directory for files", error);
    }

    [Fact]
    public async Task A_symlink_to_a_victim_file_in_out_is_refused_by_name_and_the_victim_keeps_its_content()
    {
        var victim = Victim();
        Directory.CreateDirectory(Path.Combine(Out, "lb1/etc/keepalived"));
        File.CreateSymbolicLink(Path.Combine(Out, KeepalivedConf), victim);

        var (exit, _, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(Out, KeepalivedConf)} is a symbolic link (to {victim}); render never writes through a link inside --out", error);
        Assert.Equal("victim\n", File.ReadAllText(victim));
    }

    [Fact]
    public async Task A_symlinked_directory_anywhere_in_out_is_refused_by_name_before_any_file_is_written()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "elsewhere")).FullName;
        Directory.CreateDirectory(Path.Combine(Out, "lb3"));
        Directory.CreateSymbolicLink(Path.Combine(Out, "lb3/etc"), elsewhere);

        var (exit, _, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(Out, "lb3/etc")} is a symbolic link (to {elsewhere})", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
        Assert.False(Directory.Exists(Path.Combine(Out, "lb1")), "lb1 comes first and must not be written either");
    }

    [Fact]
    public async Task A_dangling_symlink_in_out_is_refused_and_nothing_is_created_where_it_points()
    {
        var nowhere = Path.Combine(_scratch.FullName, "nowhere");
        Directory.CreateDirectory(Out);
        Directory.CreateSymbolicLink(Path.Combine(Out, "lb1"), nowhere);

        var (exit, _, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {Path.Combine(Out, "lb1")} is a symbolic link (to {nowhere})", error);
        Assert.False(Path.Exists(nowhere));
    }

    [Fact]
    public async Task A_hard_link_to_a_victim_file_in_out_is_replaced_and_the_victim_keeps_its_content()
    {
        var victim = Victim();
        Directory.CreateDirectory(Path.Combine(Out, "lb1/etc/keepalived"));
        Run("ln", victim, Path.Combine(Out, KeepalivedConf));

        var (exit, _, _) = await Render(Out);

        Assert.Equal(0, exit);
        Assert.Equal("victim\n", File.ReadAllText(victim));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite, File.GetUnixFileMode(victim));
        Assert.Contains("auth_pass", File.ReadAllText(Path.Combine(Out, KeepalivedConf)));
    }

    [Fact]
    public async Task Rendering_again_replaces_each_file_with_its_own_mode_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(Path.Combine(Out, "lb1/etc/keepalived"));
        File.WriteAllText(Path.Combine(Out, KeepalivedConf), "old\n");
        File.SetUnixFileMode(Path.Combine(Out, KeepalivedConf), (UnixFileMode)0b110_110_110);

        Assert.Equal(0, (await Render(Out)).Exit);
        var (exit, _, _) = await Render(Out);

        Assert.Equal(0, exit);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(Out, KeepalivedConf)));
        Assert.Contains("router_id lb1", File.ReadAllText(Path.Combine(Out, KeepalivedConf)));
        Assert.Equal(12, Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task A_directory_where_a_file_goes_is_refused_by_name()
    {
        Directory.CreateDirectory(Path.Combine(Out, KeepalivedConf));

        var (exit, _, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {Path.Combine(Out, KeepalivedConf)} is a directory: render writes a file there\n", error);
    }

    [Fact]
    public async Task A_file_where_a_directory_goes_is_refused_by_name()
    {
        Directory.CreateDirectory(Path.Combine(Out, "lb2"));
        File.WriteAllText(Path.Combine(Out, "lb2/etc"), "mine\n");

        var (exit, _, error) = await Render(Out);

        Assert.Equal(2, exit);
        Assert.Equal($"error: {Path.Combine(Out, "lb2/etc")} is in the way: render needs a directory there and found a file\n", error);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Out, "lb2/etc")));
    }

    [Fact]
    public async Task Json_gives_no_digest_of_keepalived_conf_to_check_guesses_against_and_says_it_carries_the_secret()
    {
        var (exit, output, _) = await Render(Out, "-o", "json");

        Assert.Equal(0, exit);
        foreach (var file in JsonDocument.Parse(output).RootElement.EnumerateArray())
        {
            var path = file.GetProperty("path").GetString()!;
            var secret = file.GetProperty("secret").GetBoolean();
            var digest = file.GetProperty("sha256");
            Assert.Equal(path == "/etc/keepalived/keepalived.conf", secret);
            if (secret) Assert.Equal(JsonValueKind.Null, digest.ValueKind);
            else Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.GetProperty("local_path").GetString()!))), digest.GetString());
        }
    }

    [Fact]
    public async Task A_secret_that_is_a_word_of_haproxy_cfg_marks_only_the_file_it_is_written_into()
    {
        var inventory = CliRunner.ExampleWith(("secret_env: HALB_VRRP_SECRET", "secret: haproxy"));

        var (exit, output, _) = await CliRunner.RunAsync("render", "-i", inventory, "--out", Out, "-o", "json");

        Assert.Equal(0, exit);
        var marked = JsonDocument.Parse(output).RootElement.EnumerateArray().Where(f => f.GetProperty("secret").GetBoolean()).Select(f => f.GetProperty("path").GetString()).Distinct();
        Assert.Equal(["/etc/keepalived/keepalived.conf"], marked);
    }

    private static Task<(int Exit, string Output, string Error)> Render(string outDir, params string[] extra) =>
        CliRunner.RunAsync(["render", "-i", RepositoryRoot.Of("inventory/example.yaml"), "--out", outDir, .. extra]);

    /// <summary>Someone else's file, readable and writable by all, outside OUT.</summary>
    private string Victim()
    {
        var victim = Path.Combine(_scratch.FullName, "victim");
        File.WriteAllText(victim, "victim\n");
        File.SetUnixFileMode(victim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        return victim;
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(tool, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
