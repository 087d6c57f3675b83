using System.Net.Sockets;
using System.Text;
using HaLbDeploy.Core.Drain;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Drain;

public sealed class ServerStateScriptTests
{
    private const string Stats = "# pxname,svname,qcur,qmax,scur,status\nkube-apiserver,FRONTEND,,,4,OPEN\nkube-apiserver,api1,0,0,1,UP\nkube-apiserver,api2,0,0,3,DRAIN\n";

    private static string Output(string socketAnswer, string client = "perl") =>
        $"stats-client {client}\n@@halb stats\n{socketAnswer}\n@@halb stats-end\n@@halb end\n";

    [Fact]
    public void The_change_sends_set_server_and_show_stat_on_one_line_to_the_admin_socket()
    {
        var drain = ServerStateScript.BuildChange("api2", ServerAdminState.Drain);
        var ready = ServerStateScript.BuildChange("api2", ServerAdminState.Ready);

        Assert.Contains("halb_cmd='set server kube-apiserver/api2 state drain;show stat'", drain);
        Assert.Contains("halb_cmd='set server kube-apiserver/api2 state ready;show stat'", ready);
        Assert.Contains(NodePaths.HaproxyAdminSocket, drain);
        Assert.DoesNotContain("reload", drain, StringComparison.Ordinal);
        Assert.Contains("halb_cmd='show stat'", ServerStateScript.BuildRead());
    }

    [Fact]
    public void The_answer_gives_the_servers_state_and_open_sessions()
    {
        var reading = ServerStateScript.Parse("lb1", "api2", Output(Stats));

        Assert.Null(reading.Error);
        Assert.Equal("DRAIN", reading.Server!.Status);
        Assert.Equal(3, reading.Sessions);
    }

    [Fact]
    public void What_haproxy_says_to_set_server_is_an_error()
    {
        var reading = ServerStateScript.Parse("lb1", "api9", Output("No such server.\n\n" + Stats));

        Assert.Equal("haproxy answered: No such server.", reading.Error);
    }

    [Fact]
    public void A_server_missing_from_haproxy_an_unreadable_socket_and_a_cut_output_are_errors()
    {
        Assert.Equal("haproxy has no server kube-apiserver/api9 (run apply)", ServerStateScript.Parse("lb1", "api9", Output(Stats)).Error);
        Assert.Equal("no stats socket at /var/lib/haproxy/admin.sock",
            ServerStateScript.Parse("lb1", "api2", "stats-error no stats socket at /var/lib/haproxy/admin.sock\n@@halb end\n").Error);
        Assert.NotNull(ServerStateScript.Parse("lb1", "api2", "stats-client perl\n@@halb stats\n# pxname,svname").Error);
    }

    [Theory]
    [InlineData("perl")]
    [InlineData("python3")]
    public async Task Each_client_sends_the_command_to_the_socket_and_prints_the_answer(string client)
    {
        var directory = Directory.CreateTempSubdirectory("halb-drain-");
        try
        {
            var socketPath = Path.Combine(directory.FullName, "admin.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(1);
            string? received = null;
            var server = Task.Run(async () =>
            {
                using var connection = await listener.AcceptAsync();
                var buffer = new byte[256];
                var read = await connection.ReceiveAsync(buffer);
                received = Encoding.ASCII.GetString(buffer, 0, read);
                await connection.SendAsync(Encoding.ASCII.GetBytes("\n" + Stats + "\n"));
                connection.Shutdown(SocketShutdown.Both);
            });
            var others = new[] { "halb_has socat", "halb_has python3", "[ -x /usr/libexec/platform-python ]", "halb_has python;", "halb_has perl" }
                .Where(c => !c.Contains(client == "perl" ? "perl" : "python3", StringComparison.Ordinal));
            var script = others.Aggregate(ServerStateScript.BuildChange("api2", ServerAdminState.Drain).Replace(NodePaths.HaproxyAdminSocket, socketPath, StringComparison.Ordinal),
                (text, condition) => text.Replace(condition, condition.EndsWith(';') ? "false;" : "false", StringComparison.Ordinal));

            var result = LocalShell.Run("dash", script);
            await server.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal("set server kube-apiserver/api2 state drain;show stat\n", received);
            var reading = ServerStateScript.Parse("here", "api2", result.StandardOutput);
            Assert.Null(reading.Error);
            Assert.Equal(("DRAIN", 3L), (reading.Server!.Status, reading.Sessions!.Value));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
