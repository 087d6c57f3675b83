using System.Diagnostics;
using System.Runtime.Versioning;
using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>
/// The exit code contract for special files, through the whole CLI: a FIFO, a link to /dev/zero, a directory, a
/// socket or a sparse 10 GiB file given as -i, as `secret_file:` or as a package path makes `validate` exit 2 at
/// once with an error that says what the file is; never another code, an exception or a hang.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ValidateCommandSpecialFileTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("halb-cli-special-").FullName;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var role in new[] { "inventory", "secret_file", "package" })
        foreach (var kind in SpecialFile.Kinds)
            cases.Add(role, kind);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_special_file_in_any_role_makes_validate_exit_2_at_once_saying_what_it_is(string role, string kind)
    {
        var special = Make(kind);
        var inventory = role switch
        {
            "inventory" => special,
            "secret_file" => CliRunner.ExampleWith(("secret_env: HALB_VRRP_SECRET", "secret_file: " + special)),
            _ => WithPackage(special),
        };
        var clock = Stopwatch.StartNew();

        var run = CliRunner.RunAsync("validate", "-i", inventory);
        Assert.True(await Task.WhenAny(run, Task.Delay(Limit)) == run, $"validate did not end within {Limit.TotalSeconds} s");
        var (exit, _, error) = await run;

        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Matches(kind == "huge-sparse" ? "has 10737418240 bytes(,| more than|;)" : "not a regular file", error);
        Assert.DoesNotContain("   at ", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    private string WithPackage(string path)
    {
        var inventory = CliRunner.ExampleWith(("secret_env: HALB_VRRP_SECRET", "secret: " + CliRunner.Secret));
        File.AppendAllText(inventory, $"\npackages:\n  source: files\n  files:\n    - path: {path}\n");
        return inventory;
    }

    /// <summary>One special file, named like a package file so that only what it is can be wrong with it.</summary>
    private string Make(string kind) =>
        SpecialFile.Make(Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, kind)).FullName, "keepalived_2.2.7-1_amd64.deb"), kind);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
