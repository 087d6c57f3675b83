using System.Net;
using System.Net.Sockets;
using System.Text;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Facts;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

public sealed class NodeStatusScriptTests
{
    [Fact]
    public void The_recorded_vip_holder_has_both_units_up_the_vip_and_api2_down()
    {
        var status = RecordedStatus.Parse("lb1", RecordedStatus.HolderWithApi2Down);

        Assert.True(status.Reachable);
        Assert.Null(status.Error);
        Assert.Equal(new ServiceStatus("keepalived", "enabled", "active"), status.Keepalived);
        Assert.Equal(new ServiceStatus("haproxy", "enabled", "active"), status.Haproxy);
        Assert.True(status.LinkUp);
        Assert.Equal("a6:55:47:52:28:39", status.LinkLayerAddress);
        Assert.True(status.HoldsVip);
        Assert.True(status.TrackCheckPassed);
        Assert.Equal("perl", status.StatsClient);
        Assert.Null(status.StatsError);
        Assert.Equal(["UP", "DOWN", "UP"], status.Backends.Select(b => b.Status));
    }

    [Fact]
    public void The_recorded_backup_does_not_hold_the_vip()
    {
        var status = RecordedStatus.Parse("lb2", RecordedStatus.Backup);

        Assert.False(status.HoldsVip);
        Assert.Equal(3, status.Backends.Count(b => b.IsUp));
    }

    [Fact]
    public void A_node_without_a_stats_client_reports_why_its_backends_are_unknown()
    {
        const string output = "@@halb verify 1\nunit keepalived enabled active\nunit haproxy enabled active\nlink-missing\ntrack missing\n" +
                              "stats-error no client for the stats socket (socat, python3 or perl)\n@@halb end\n";

        var status = NodeStatusScript.Parse("lb3", RecordedStatus.LabVip, output);

        Assert.Empty(status.Backends);
        Assert.Equal("no client for the stats socket (socat, python3 or perl)", status.StatsError);
        Assert.False(status.LinkUp);
        Assert.Null(status.TrackCheckPassed);
        Assert.Null(status.Error);
    }

    [Fact]
    public void The_runtime_zone_of_a_node_with_firewalld_running_is_read_with_its_rich_rules()
    {
        const string output = "@@halb verify 1\nunit keepalived enabled active\nfirewalld running\nfw public (active)\nfw   target: default\n" +
                              "fw   interfaces: host0\nfw   services: dhcpv6-client ssh\nfw   ports: 6443/tcp\nfw   protocols: \nfw   rich rules: \n" +
                              "fw \trule priority=\"-112\" family=\"ipv4\" source address=\"10.211.0.16\" protocol value=\"vrrp\" accept\ntrack pass\n@@halb end\n";

        var status = NodeStatusScript.Parse("lb5", RecordedStatus.LabVip, output);

        Assert.True(status.FirewalldRunning);
        Assert.Equal("public", status.FirewallZone!.Name);
        Assert.Equal(["host0"], status.FirewallZone.Interfaces);
        Assert.True(status.FirewallZone.AcceptsVrrpFrom(System.Net.IPAddress.Parse("10.211.0.16"), null));
        Assert.False(status.FirewallZone.AcceptsVrrpFrom(System.Net.IPAddress.Parse("10.211.0.17"), null));
    }

    [Fact]
    public void Without_firewalld_no_zone_is_reported()
    {
        var status = NodeStatusScript.Parse("lb1", RecordedStatus.LabVip, "@@halb verify 1\nfirewalld off\ntrack pass\n@@halb end\n");

        Assert.False(status.FirewalldRunning);
        Assert.Null(status.FirewallZone);
    }

    [Fact]
    public void Output_cut_short_is_an_error_and_what_came_is_still_read()
    {
        var status = NodeStatusScript.Parse("lb1", RecordedStatus.LabVip, "@@halb verify 1\nunit keepalived enabled failed\n");

        Assert.NotNull(status.Error);
        Assert.Equal("failed", status.Keepalived.Active);
        Assert.Equal(ServiceStatus.Unknown("haproxy"), status.Haproxy);
    }

    [Fact]
    public void A_stats_client_that_could_not_connect_is_reported_with_its_words()
    {
        const string output = "@@halb verify 1\nstats-client perl\n@@halb stats\nconnect: Permission denied\n@@halb stats-end\n@@halb end\n";

        var status = NodeStatusScript.Parse("lb1", RecordedStatus.LabVip, output);

        Assert.Equal("perl could not read the stats socket: connect: Permission denied", status.StatsError);
    }

    [Fact]
    public void The_script_names_the_nodes_interface_quoted_and_the_stats_socket_and_check_script()
    {
        var script = NodeStatusScript.Build("eth0'; reboot; '");

        Assert.Contains("ip -o link show dev 'eth0'\\''; reboot; '\\'''", script);
        Assert.Contains(NodePaths.HaproxyAdminSocket, script);
        Assert.Contains(NodePaths.HaproxyCheckScript, script);
        Assert.EndsWith("exit 0\n", script);
    }

    [Fact]
    public void The_script_runs_under_dash_on_a_machine_without_keepalived_and_says_so()
    {
        var result = LocalShell.Run("dash", NodeStatusScript.Build("lo"));

        var status = NodeStatusScript.Parse("here", IPAddress.Loopback, result.StandardOutput);
        Assert.Equal(0, result.ExitCode);
        Assert.Null(status.Error);
        Assert.True(status.HoldsVip, "127.0.0.1 is on lo here");
        Assert.False(status.Keepalived.IsActive);
        Assert.NotNull(status.StatsError);
    }

    [Fact]
    public async Task The_perl_client_of_the_script_reads_show_stat_from_a_unix_socket()
    {
        var directory = Directory.CreateTempSubdirectory("halb-stats-");
        try
        {
            var socketPath = Path.Combine(directory.FullName, "admin.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(1);
            var server = Task.Run(async () =>
            {
                using var client = await listener.AcceptAsync();
                var buffer = new byte[64];
                var read = await client.ReceiveAsync(buffer);
                var command = Encoding.ASCII.GetString(buffer, 0, read);
                var answer = command == "show stat\n" ? "# pxname,svname,status\nbe,api1,UP\nbe,BACKEND,UP\n\n" : "Unknown command\n";
                await client.SendAsync(Encoding.ASCII.GetBytes(answer));
                client.Shutdown(SocketShutdown.Both);
            });
            // The script's own stats section, pointed at the test's socket, with perl as the only client.
            var script = NodeStatusScript.Build("lo").Replace(NodePaths.HaproxyAdminSocket, socketPath, StringComparison.Ordinal)
                .Replace("halb_has socat", "false", StringComparison.Ordinal).Replace("halb_has python3", "false", StringComparison.Ordinal)
                .Replace("[ -x /usr/libexec/platform-python ]", "false", StringComparison.Ordinal).Replace("halb_has python;", "false;", StringComparison.Ordinal);

            var result = LocalShell.Run("dash", script);
            await server.WaitAsync(TimeSpan.FromSeconds(10));

            var status = NodeStatusScript.Parse("here", IPAddress.Loopback, result.StandardOutput);
            Assert.Equal("perl", status.StatsClient);
            Assert.Null(status.StatsError);
            Assert.Equal([("api1", "UP")], status.Backends.Select(b => (b.Server, b.Status)));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
