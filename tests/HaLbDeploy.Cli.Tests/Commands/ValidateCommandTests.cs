using System.Text.Json;
using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task The_example_inventory_is_valid_and_exits_0()
    {
        var (exit, output, error) = await CliRunner.RunAsync("validate", "-i", RepositoryRoot.Of("inventory/example.yaml"));

        Assert.Equal(0, exit);
        Assert.Contains("valid (3 LB nodes, 3 API servers, VIP 192.168.88.201/24, router id 51)", output);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("rke2", "valid (3 LB nodes, 2 frontends, 3 API servers, VIP 192.168.88.201/24, router id 52)")]
    [InlineData("k0s", "valid (3 LB nodes, 3 frontends, 3 API servers, VIP 192.168.88.202/24, router id 53)")]
    [InlineData("ingress", "valid (3 LB nodes, 3 frontends, 6 API servers, VIP 192.168.88.203/24, router id 54 derived)")]
    public async Task The_rke2_and_k0s_examples_are_valid_and_count_their_frontends(string name, string said)
    {
        var (exit, output, error) = await CliRunner.RunAsync("validate", "-i", RepositoryRoot.Of($"inventory/{name}.yaml"));

        Assert.True(exit == 0, error);
        Assert.Contains(said, output);
    }

    [Fact]
    public async Task Two_frontends_on_one_port_and_a_missing_backend_set_give_located_errors_and_exit_2()
    {
        var file = CliRunner.InventoryWith("k0s", ("port: 9443", "port: 8132"), ("    backends: controllers    #", "    backends: controlers    #"));

        var (exit, _, error) = await CliRunner.RunAsync("validate", "-i", file);

        Assert.Equal(2, exit);
        var errors = error.Split('\n').Where(l => l.Contains(": error: ")).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("frontends[2].port: frontend port '8132' is already used at line") && e.Contains("give every frontend its own port"));
        Assert.Contains(errors, e => e.Contains("frontends[0].backends: 'controlers' names no entry of `backend_sets:`") && e.Contains("did you mean `controllers`?"));
        Assert.All(errors, e => Assert.Matches(@"^.+\.yaml:\d+:\d+: error: ", e));
        Assert.Contains("nothing was done, no host was touched.", error);
    }

    [Fact]
    public async Task A_typo_a_bad_address_and_a_long_secret_give_three_located_errors_and_exit_2()
    {
        var file = CliRunner.ExampleWith(("advert_int: 1", "advert_intt: 1"), ("address: 192.168.88.92", "address: 192.168.88.292"), ("secret_env: HALB_VRRP_SECRET", "secret_file: eleven.txt"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, "eleven.txt"), "elevenchars");

        var (exit, _, error) = await CliRunner.RunAsync("validate", "-i", file);

        Assert.Equal(2, exit);
        var errors = error.Split('\n').Where(l => l.Contains(": error: ")).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^.+\.yaml:\d+:\d+: error: ", e));
        Assert.Contains(errors, e => e.Contains(":7:1: error: advert_intt: unknown key") && e.Contains("did you mean `advert_int`"));
        Assert.Contains(errors, e => e.Contains("nodes[1].address: '192.168.88.292' is not an IPv4 address"));
        Assert.Contains(errors, e => e.Contains("vrrp.auth.secret_file: the VRRP secret has 11 characters"));
        Assert.DoesNotContain("elevenchars", error);
        Assert.Contains("3 errors, 0 warnings: nothing was done, no host was touched.", error);
    }

    [Fact]
    public async Task Json_output_lists_every_problem_with_its_position()
    {
        var file = CliRunner.ExampleWith(("priority: 90", "priority: 300"));

        var (exit, output, _) = await CliRunner.RunAsync("validate", "-i", file, "--output", "json");

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("nodes[1].priority", problem.GetProperty("field").GetString());
        Assert.Equal("out-of-range", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunAsync("validate", "-i", "/nonexistent/inventory.yaml");

        Assert.Equal(2, exit);
        Assert.Contains("no inventory file at /nonexistent/inventory.yaml", error);
    }
}
