using System.Buffers.Binary;
using System.Net.Sockets;
using HaLbDeploy.Ssh.Agent;
using HaLbDeploy.Ssh.Tests.TestSupport;

namespace HaLbDeploy.Ssh.Tests.Agent;

/// <summary>The socket side against a hostile "agent" that we run ourselves on a Unix socket.</summary>
public sealed class UnixSocketAgentTransportTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private string Serve(Action<Socket> answer)
    {
        var path = dir.File("hostile.sock");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        _ = Task.Run(() =>
        {
            using (listener)
            using (var peer = listener.Accept())
            {
                var header = new byte[5];
                peer.Receive(header);
                answer(peer);
            }
        });
        return path;
    }

    [Fact]
    public void An_answer_announced_longer_than_256_KiB_is_refused_before_it_is_read()
    {
        var path = Serve(peer =>
        {
            var header = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(header, 0x7FFFFFFF);
            peer.Send(header);
        });

        var fault = Assert.Throws<SshAgentProtocolException>(() => new UnixSocketAgentTransport(path).RoundTrip(SshAgentProtocol.EncodeRequestIdentities()));

        Assert.Contains("more than 262144", fault.Message);
    }

    [Fact]
    public void An_agent_that_hangs_up_half_way_is_a_protocol_error()
    {
        var path = Serve(peer => peer.Send([0, 0, 0, 10, 12, 0]));

        var fault = Assert.Throws<SshAgentProtocolException>(() => new UnixSocketAgentTransport(path).RoundTrip(SshAgentProtocol.EncodeRequestIdentities()));

        Assert.Contains("closed the connection after 2 of 10 bytes", fault.Message);
    }

    [Fact]
    public void A_socket_path_where_nothing_listens_is_unreachable()
    {
        var fault = Assert.Throws<SshAgentUnreachableException>(() => new UnixSocketAgentTransport(dir.File("none.sock")).RoundTrip([11]));

        Assert.Contains("none.sock", fault.Message);
    }
}
