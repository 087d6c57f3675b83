using System.Net.Sockets;
using HaLbDeploy.Core.Ports;
using Renci.SshNet.Common;

namespace HaLbDeploy.Ssh.Tests;

public sealed class SshFaultClassifierTests
{
    [Fact]
    public void Network_faults_while_connecting_are_transient()
    {
        Assert.True(SshFaultClassifier.IsTransientConnectFault(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(SshFaultClassifier.IsTransientConnectFault(new SshOperationTimeoutException("timeout")));
        Assert.True(SshFaultClassifier.IsTransientConnectFault(new SshConnectionException("reset")));
    }

    [Fact]
    public void Refusals_while_connecting_are_final()
    {
        Assert.False(SshFaultClassifier.IsTransientConnectFault(new SshAuthenticationException("Permission denied (password).")));
        Assert.False(SshFaultClassifier.IsTransientConnectFault(new HostConnectionException("lb1", "changed host key")));
        Assert.False(SshFaultClassifier.IsTransientConnectFault(new OperationCanceledException()));
    }

    [Fact]
    public void A_dropped_connection_under_a_command_is_transient_but_a_timeout_or_cancellation_is_not()
    {
        Assert.True(SshFaultClassifier.IsTransientSessionFault(new SshConnectionException("aborted")));
        Assert.True(SshFaultClassifier.IsTransientSessionFault(new SshException("Client not connected.")));
        Assert.False(SshFaultClassifier.IsTransientSessionFault(new SshException("Failed to open a channel after 10 attempts.")));
        Assert.False(SshFaultClassifier.IsTransientSessionFault(new TimeoutException()));
        Assert.False(SshFaultClassifier.IsTransientSessionFault(new TaskCanceledException()));
    }
}
