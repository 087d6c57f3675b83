using System.Buffers.Binary;
using System.Net.Sockets;

namespace HaLbDeploy.Ssh.Agent;

/// <summary>
/// The agent's Unix socket (SSH_AUTH_SOCK). One connection per request, as ssh-add does: nothing stays open
/// between logins. Reads are bounded: an answer longer than <see cref="SshAgentProtocol.MaxMessageBytes"/> is refused
/// before it is read, and an agent silent for <see cref="Timeout"/> (long enough to confirm an `ssh-add -c` key)
/// fails the request.
/// </summary>
public sealed class UnixSocketAgentTransport(string socketPath) : ISshAgentTransport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public string SocketPath { get; } = socketPath;

    public byte[] RoundTrip(byte[] request)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
        {
            ReceiveTimeout = (int)Timeout.TotalMilliseconds,
            SendTimeout = (int)Timeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            var frame = new byte[4 + request.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)request.Length);
            request.CopyTo(frame, 4);
            socket.Send(frame);
            var header = ReadExactly(socket, 4);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length > SshAgentProtocol.MaxMessageBytes)
                throw new SshAgentProtocolException($"the agent announced an answer of {length} bytes, more than {SshAgentProtocol.MaxMessageBytes}");
            return ReadExactly(socket, (int)length);
        }
        catch (SocketException e)
        {
            throw new SshAgentUnreachableException(Describe(e), e);
        }
    }

    private string Describe(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.AddressNotAvailable or SocketError.ConnectionRefused =>
            $"no agent answers on {SocketPath} (SSH_AUTH_SOCK): it was stopped or the variable is stale; start one with `eval $(ssh-agent)` and `ssh-add`",
        SocketError.TimedOut => $"the agent on {SocketPath} did not answer within {Timeout.TotalSeconds:0} s",
        _ => $"the agent on {SocketPath} (SSH_AUTH_SOCK) cannot be reached: {e.Message}",
    };

    private static byte[] ReadExactly(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = socket.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0) throw new SshAgentProtocolException($"the agent closed the connection after {read} of {count} bytes");
            read += n;
        }
        return buffer;
    }
}
