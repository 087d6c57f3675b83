using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests;

public sealed class CliApplicationTests
{
    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var (exit, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "validate", "render", "plan", "apply" }) Assert.Contains(command, output);
        Assert.Contains("2 bad input (nothing touched), 3 plan: changes pending", output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("render")]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task Every_command_has_help_that_names_the_inventory_option(string command)
    {
        var (exit, output, _) = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("-i, --inventory", output);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var (exit, _, error) = await CliRunner.RunAsync("validate", "--bogus");

        Assert.Equal(2, exit);
        Assert.Contains("Unrecognized command or argument '--bogus'", error);
    }

    [Fact]
    public async Task Apply_with_an_invalid_inventory_exits_2_before_connecting_to_anything()
    {
        // The addresses are the recipe's; nothing may connect to them, and nothing does: the inventory is refused first.
        var file = CliRunner.ExampleWith(("virtual_router_id: 51", "virtual_router_id: 999"));

        var (exit, output, error) = await CliRunner.RunAsync("apply", "-i", file);

        Assert.Equal(2, exit);
        Assert.Contains("virtual_router_id: 999 is outside 1-255", error);
        Assert.DoesNotContain("[connect/", error);
        Assert.Equal("", output);
    }
}
