using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

public sealed class HaproxyStatParserTests
{
    [Fact]
    public void Real_show_stat_output_gives_one_status_per_server_and_skips_frontend_and_backend_lines()
    {
        var csv = RecordedStatus.Text(RecordedStatus.HolderWithApi2Down).Split("@@halb stats\n")[1].Split("@@halb stats-end")[0];

        var servers = HaproxyStatParser.Parse(csv);

        Assert.Equal(["api1", "api2", "api3"], servers.Select(s => s.Server));
        Assert.All(servers, s => Assert.Equal("kube-apiserver", s.Proxy));
        Assert.Equal(("UP", "L7OK", 200, "10.211.0.31:6443"), (servers[0].Status, servers[0].CheckStatus, servers[0].CheckCode, servers[0].Address));
        Assert.Equal(("DOWN", "L7STS", 500), (servers[1].Status, servers[1].CheckStatus, servers[1].CheckCode));
        Assert.Equal([true, false, true], servers.Select(s => s.IsUp));
    }

    [Fact]
    public void Columns_are_found_by_name_so_another_column_order_reads_the_same()
    {
        const string csv = "# svname,pxname,check_code,status,check_status\napi1,be,200,UP 1/2,* L7OK\napi2,be,,DOWN,L4CON\n";

        var servers = HaproxyStatParser.Parse(csv);

        Assert.Equal(("api1", "be", "UP 1/2", "L7OK", (int?)200), (servers[0].Server, servers[0].Proxy, servers[0].Status, servers[0].CheckStatus, servers[0].CheckCode));
        Assert.True(servers[0].IsUp);
        Assert.Equal("DOWN (L4CON)", servers[1].Describe());
        Assert.Null(servers[1].CheckCode);
    }

    [Theory]
    [InlineData("UP", true)]
    [InlineData("UP 1/2", true)]
    [InlineData("no check", true)]
    [InlineData("DOWN", false)]
    [InlineData("DOWN 1/2", false)]
    [InlineData("MAINT", false)]
    [InlineData("DRAIN", false)]
    public void A_server_is_up_only_while_haproxy_keeps_it_in_rotation(string status, bool up) =>
        Assert.Equal(up, new BackendServerStatus("be", "api1", status, "", null, "").IsUp);

    [Theory]
    [InlineData("")]
    [InlineData("Unknown command. Please enter one of the following commands only :\n  help : this message\n")]
    [InlineData("api1,be,UP\n")]
    public void Output_without_a_header_or_server_lines_gives_no_servers(string text) =>
        Assert.Empty(HaproxyStatParser.Parse(text));
}
