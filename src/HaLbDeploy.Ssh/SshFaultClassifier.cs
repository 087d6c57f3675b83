using System.Net.Sockets;
using HaLbDeploy.Core.Ports;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Which faults are worth another try. Network trouble is; a refused login, a refused host key, a refusal by sudo
/// and a cancellation are not: trying again would give the same answer (or lock an account).
/// </summary>
public static class SshFaultClassifier
{
    /// <summary>Opening a connection: unreachable, refused, timed out, or dropped during the handshake.</summary>
    public static bool IsTransientConnectFault(Exception fault) => fault switch
    {
        HostConnectionException or OperationCanceledException => false,
        SshAuthenticationException or SshPassPhraseNullOrEmptyException => false,
        SocketException or SshOperationTimeoutException or SshConnectionException => true,
        _ => false,
    };

    /// <summary>Running a command on an open connection: the connection went away under it.</summary>
    public static bool IsTransientSessionFault(Exception fault) => fault switch
    {
        HostConnectionException or OperationCanceledException or TimeoutException => false,
        SshConnectionException or SocketException or SshOperationTimeoutException => true,
        SshException { Message: "Client not connected." or "Session is not connected." } => true,
        IOException { InnerException: SocketException } => true,
        _ => false,
    };
}
