using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>What a new user trips over on the README's tour: an unexported VRRP secret, a misspelt command.</summary>
public sealed class FirstRunPapercutTests
{
    private static string ExampleWithUnsetSecret() =>
        CliRunner.ExampleWith(("secret_env: HALB_VRRP_SECRET", "secret_env: HALB_TEST_SECRET_NEVER_SET"));

    [Fact]
    public async Task Validate_goes_on_without_the_secret_with_a_warning_that_plan_and_apply_need_it()
    {
        var (exit, output, error) = await CliRunner.RunAsync("validate", "-i", ExampleWithUnsetSecret());

        Assert.Equal(0, exit);
        Assert.Contains("valid (3 LB nodes", output);
        Assert.Contains("warning: vrrp.auth.secret_env: the environment variable named here is not set: checked and rendered with the placeholder (unset)", error);
        Assert.Contains("export the variable before plan or apply", error);
    }

    [Fact]
    public async Task Render_without_the_secret_writes_the_placeholder_that_keepalived_would_show_as_such()
    {
        var outDir = Directory.CreateTempSubdirectory("halb-render-").FullName;
        try
        {
            var (exit, _, error) = await CliRunner.RunAsync("render", "-i", ExampleWithUnsetSecret(), "--out", outDir);

            Assert.True(exit == 0, error);
            Assert.Contains("auth_pass \"(unset)\"", File.ReadAllText(Path.Combine(outDir, "lb1", "etc", "keepalived", "keepalived.conf")));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("verify")]
    public async Task Commands_that_reach_nodes_still_refuse_to_run_without_the_secret(string command)
    {
        var (exit, _, error) = await CliRunner.RunAsync(command, "-i", ExampleWithUnsetSecret());

        Assert.Equal(2, exit);
        Assert.Contains("error: vrrp.auth.secret_env: the environment variable named here is not set", error);
        Assert.DoesNotContain("placeholder", error);
        Assert.Contains("no host was touched", error);
    }

    [Theory]
    [InlineData("statuz", "--help")]
    [InlineData("statuz")]
    [InlineData("-v", "bogus", "--help")]
    public async Task An_unknown_command_is_a_usage_error_even_with_help(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("error: unknown command '", error);
        Assert.Contains("Commands: validate, render, plan, apply, verify, status, failover-test", error);
    }

    [Theory]
    [InlineData("aply", "apply")]
    [InlineData("valdate", "validate")]
    [InlineData("verfiy", "verify")]
    public async Task A_misspelt_command_gets_a_did_you_mean(string typed, string meant)
    {
        var (exit, _, error) = await CliRunner.RunAsync(typed, "--help");

        Assert.Equal(2, exit);
        Assert.Contains($"error: unknown command '{typed}'. Did you mean '{meant}'?", error);
    }
}
