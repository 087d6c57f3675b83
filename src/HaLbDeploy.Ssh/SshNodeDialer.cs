using System.Net.Sockets;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.HostKeys;
using Polly;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Security;
using Serilog;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Connects to one node with SSH.NET: verifies the host key (pinned fingerprint or known_hosts, see
/// <see cref="HostKeyVerifier"/>), logs in, and retries network faults. Every failure leaves as a
/// <see cref="HostConnectionException"/>. A reconnect must present the same key as the first connect of the run.
/// A node behind bastions (ssh.proxy_jump) is dialled through a tunnel on the last one (<see cref="SshBastionPool"/>);
/// its host key is still checked for its own name and port, never for the tunnel's 127.0.0.1.
/// </summary>
internal sealed class SshNodeDialer : IRemoteShellDialer
{
    private readonly LbNode node;
    private readonly SshLogin login;
    private readonly SshConnectorOptions options;
    private readonly ResiliencePipeline retry;
    private readonly SshBastionPool? bastions;
    private string? firstSeenFingerprint;

    public SshNodeDialer(LbNode node, SshLogin login, SshConnectorOptions options, SshBastionPool? bastions = null)
    {
        this.node = node;
        this.login = login;
        this.options = options;
        this.bastions = bastions;
        retry = SshRetryPipelines.ForConnect(options.ConnectRetry, options.TimeProvider, attempt =>
            Logger.Debug("{Node:l}: connect attempt {Attempt} failed ({Reason:l}), trying again in {DelayMs} ms",
                node.Name, attempt.FailedAttempt, Describe(attempt.Fault), (int)attempt.Delay.TotalMilliseconds));
    }

    private ILogger Logger => options.Logger ?? Log.Logger;

    /// <summary>The node's address, or the HostName ssh_config gives it; known_hosts is checked for this name, as ssh does.</summary>
    private string Host => node.Ssh.HostName ?? node.Address.ToString();

    private int Port => node.Ssh.Port;

    private SshHop? LastHop => node.Ssh.ProxyJump is { Count: > 0 } hops ? hops[^1] : null;

    public async Task<IRemoteShell> DialAsync(CancellationToken cancellationToken)
    {
        var (client, tunnel) = await DialWithRetryAsync(cancellationToken);
        return new SshClientShell(client, tunnel);
    }

    /// <summary>
    /// The bare client, for a bastion whose connection carries the tunnels to the nodes behind it, with the tunnel it
    /// came through itself (a bastion behind a bastion), to close after it.
    /// </summary>
    public async Task<(SshClient Client, IDisposable? Tunnel)> DialClientAsync(CancellationToken cancellationToken) =>
        await DialWithRetryAsync(cancellationToken);

    private async Task<(SshClient Client, IDisposable? Tunnel)> DialWithRetryAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await retry.ExecuteAsync(async ct =>
            {
                attempts++;
                return await DialOnceAsync(ct);
            }, cancellationToken);
        }
        catch (Exception e) when (e is not (HostConnectionException or OperationCanceledException))
        {
            var tries = attempts == 1 ? "" : $" (tried {attempts} times)";
            var via = LastHop is { } hop
                ? $" through bastion {hop} (the bastion is up; it could not open a connection to the node, or its sshd forbids forwarding: AllowTcpForwarding)"
                : "";
            throw new HostConnectionException(node.Name, $"cannot connect to {KnownHostName.Format(Host, Port)}{via}{tries}: {Describe(e)}", e);
        }
    }

    private async Task<(SshClient, IDisposable?)> DialOnceAsync(CancellationToken cancellationToken)
    {
        var tunnel = await OpenTunnelAsync(cancellationToken);
        try
        {
            return (await ConnectAsync(tunnel, cancellationToken), tunnel);
        }
        catch
        {
            tunnel?.Dispose();
            throw;
        }
    }

    /// <summary>Through the bastion when there is one; its failures name it (refused, unreachable, host key changed).</summary>
    private async Task<SshBastionTunnel?> OpenTunnelAsync(CancellationToken cancellationToken)
    {
        if (LastHop is not { } hop || bastions is null) return null;
        try
        {
            var tunnel = await bastions.OpenTunnelAsync(node, Host, Port, PoolThreadReserve.NodeForward, cancellationToken);
            Logger.Debug("{Node:l}: through bastion {Hop:l} (forwarded from 127.0.0.1:{LocalPort})", node.Name, hop.ToString(), tunnel.LocalPort);
            return tunnel;
        }
        catch (HostConnectionException e)
        {
            var prefix = e.NodeName + ": ";
            var reason = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            throw new HostConnectionException(node.Name, $"cannot reach {KnownHostName.Format(Host, Port)} through bastion {hop}: {reason}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new HostConnectionException(node.Name, $"bastion {hop} could not forward to {KnownHostName.Format(Host, Port)}: {Describe(e)}", e);
        }
    }

    private async Task<SshClient> ConnectAsync(SshBastionTunnel? tunnel, CancellationToken cancellationToken)
    {
        var ssh = node.Ssh;
        var knownHosts = LoadKnownHosts();

        var info = tunnel is null
            ? new ConnectionInfo(Host, Port, ssh.User, login.Methods.ToArray()) { Timeout = ssh.ConnectTimeout.AsTimeSpan }
            : new ConnectionInfo("127.0.0.1", tunnel.LocalPort, ssh.User, login.Methods.ToArray()) { Timeout = ssh.ConnectTimeout.AsTimeSpan };
        byte[]? certificateBlob = null;
        PreferKnownKeyTypes(info, knownHosts, blob => certificateBlob = blob);
        PreferKeyExchange(info, ssh.Kex);
        var client = new SshClient(info) { KeepAliveInterval = options.KeepAliveInterval };

        HostKeyDecision? decision = null;
        PresentedHostKey? presented = null;
        client.HostKeyReceived += (_, e) =>
        {
            // For a certificate SSH.NET hands over the certified key alone; the whole certificate is what the CA signed.
            presented = new PresentedHostKey(e.Certificate is not null && certificateBlob is not null ? certificateBlob : e.HostKey);
            decision = HostKeyVerifier.Decide(new HostKeyCheck(Host, Port, presented, knownHosts,
                AcceptNew: options.AcceptNewHostKeys || ssh.HostKeyPolicy == HostKeyPolicy.AcceptNew,
                PinnedFingerprint: ssh.HostKeyFingerprint ?? firstSeenFingerprint,
                PinnedOrigin: ssh.HostKeyFingerprint is not null ? "host_key_fingerprint" : "the key it presented earlier in this run",
                Now: options.TimeProvider.GetUtcNow()));
            e.CanTrust = decision.IsTrusted;
        };

        try
        {
            using var threads = PoolThreadReserve.Hold(PoolThreadReserve.Connect);
            await client.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (decision is { IsTrusted: false })
        {
            client.Dispose();
            throw new HostConnectionException(node.Name, decision.Message, e);
        }
        catch (SshAuthenticationException e)
        {
            client.Dispose();
            RecordNewKey(decision, presented);
            throw new HostConnectionException(node.Name, $"login as {ssh.User} failed, offered {login.Description}: {e.Message}", e);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        RecordNewKeyOrDispose(client, decision, presented);
        if (decision is not null) Logger.Debug("{Node:l}: {HostKeyDecision:l}", node.Name, decision.Message);
        Logger.Debug("{Node:l}: key exchange {Kex:l} (ssh.kex: {Preference:l})", node.Name, client.ConnectionInfo.CurrentKeyExchangeAlgorithm,
            ssh.Kex == KeyExchangePreference.Classic ? "classic" : "post-quantum");
        firstSeenFingerprint ??= presented?.Fingerprint;
        return client;
    }

    /// <summary>The node's known_hosts; one that others could change is refused (not retried).</summary>
    private KnownHostsFile LoadKnownHosts()
    {
        var path = node.Ssh.KnownHostsPath;
        KnownHostsFile knownHosts;
        try
        {
            knownHosts = KnownHostsFile.Load(path);
        }
        catch (KnownHostsRefusedException e)
        {
            throw new HostConnectionException(node.Name, e.Message, e);
        }
        foreach (var note in knownHosts.Notes) Logger.Debug("{Node:l}: {KnownHosts:l} {Note:l}", node.Name, path, note);
        return knownHosts;
    }

    private void RecordNewKeyOrDispose(SshClient client, HostKeyDecision? decision, PresentedHostKey? presented)
    {
        try
        {
            RecordNewKey(decision, presented);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Orders the host key algorithms (<see cref="HostKeyAlgorithmPreference"/>); the certificate ones hand the
    /// certificate as the server sent it to <paramref name="onCertificate"/>.
    /// </summary>
    private void PreferKnownKeyTypes(ConnectionInfo info, KnownHostsFile knownHosts, Action<byte[]> onCertificate)
    {
        var entries = knownHosts.EntriesFor(Host, Port);
        var knownTypes = entries.Where(e => e.Marker == KnownHostMarker.None).Select(e => e.KeyType).ToHashSet();
        var certificateAuthorityKnown = entries.Any(e => e.Marker == KnownHostMarker.CertAuthority);
        var algorithms = info.HostKeyAlgorithms;
        var ordered = HostKeyAlgorithmPreference.Order(algorithms.Keys, knownTypes, certificateAuthorityKnown && node.Ssh.HostKeyFingerprint is null)
            .Select(name => KeyValuePair.Create(name, Capturing(name, algorithms[name], onCertificate))).ToList();
        algorithms.Clear();
        foreach (var (name, factory) in ordered) algorithms.Add(name, factory);
    }

    /// <summary>Reorders the key exchanges SSH.NET offers by <c>ssh.kex</c> (<see cref="KeyExchangeOrder"/>).</summary>
    private static void PreferKeyExchange(ConnectionInfo info, KeyExchangePreference preference)
    {
        var algorithms = info.KeyExchangeAlgorithms;
        var ordered = KeyExchangeOrder.Order(algorithms.Keys, preference).Select(name => KeyValuePair.Create(name, algorithms[name])).ToList();
        algorithms.Clear();
        foreach (var (name, factory) in ordered) algorithms.Add(name, factory);
    }

    private static Func<byte[], KeyHostAlgorithm> Capturing(string name, Func<byte[], KeyHostAlgorithm> factory, Action<byte[]> onCertificate) =>
        !HostKeyAlgorithmPreference.IsCertificate(name) ? factory : blob =>
        {
            onCertificate(blob.ToArray());
            return factory(blob);
        };

    /// <summary>
    /// Records a key accepted under accept-new. When another run recorded a different key for this host meanwhile,
    /// one of the two connections may be intercepted: this one is refused (and nothing is recorded).
    /// </summary>
    private void RecordNewKey(HostKeyDecision? decision, PresentedHostKey? presented)
    {
        if (decision is not { ShouldRecord: true } || presented is null) return;
        var path = node.Ssh.KnownHostsPath;
        KnownHostsAppendResult result;
        try
        {
            result = KnownHostsRecorder.Append(path, Host, Port, presented);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KnownHostsRefusedException)
        {
            Logger.Warning("{Node:l}: could not record the new host key in {KnownHosts:l}: {Reason:l}", node.Name, path, e.Message);
            return;
        }
        switch (result)
        {
            case KnownHostsAppendResult.Appended:
                Logger.Information("{Node:l}: recorded new host key {HostKey:l} in {KnownHosts:l}", node.Name, presented.ToString(), path);
                break;
            case KnownHostsAppendResult.AlreadyRecorded:
                Logger.Debug("{Node:l}: host key {HostKey:l} was recorded in {KnownHosts:l} by another run meanwhile", node.Name, presented.ToString(), path);
                break;
            case KnownHostsAppendResult.ConflictingKey:
                var name = KnownHostName.Format(Host, Port);
                throw new HostConnectionException(node.Name,
                    $"while this run accepted the new host key {presented} for {name}, another run recorded a different {presented.KeyType} key for it in {path}. " +
                    "One of the two connections may be intercepted: compare both with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the node, " +
                    $"remove the wrong line (`ssh-keygen -R {name} -f {path}` removes both) and connect again");
        }
    }

    private string Describe(Exception fault) => fault switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"connection refused (is sshd listening on port {Port}?)",
        SocketException { SocketErrorCode: SocketError.TimedOut } => "the TCP connection timed out",
        SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable } => "no route to the host",
        SshOperationTimeoutException => $"no answer within {node.Ssh.ConnectTimeout}",
        _ => fault.Message,
    };
}
