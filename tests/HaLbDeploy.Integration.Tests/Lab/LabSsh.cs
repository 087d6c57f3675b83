using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>SSH.NET connections to lab nodes with strict host key checking against the lab's known_hosts.</summary>
public static class LabSsh
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static Task<SshClient> ConnectWithKeyAsync(LabHost node, string user, CancellationToken ct)
    {
        var pinned = Preflight(node);
        LabFacts.RequireFile(LabFacts.PrivateKey);
        var key = new PrivateKeyFile(LabFacts.PrivateKey);
        return ConnectAsync(new SshClient(node.Address, LabFacts.SshPort, user, key), node, user, pinned, ct);
    }

    public static Task<SshClient> ConnectWithPassphraseKeyAsync(LabHost node, string user, CancellationToken ct)
    {
        var pinned = Preflight(node);
        LabFacts.RequireFile(LabFacts.PassphraseKey);
        var key = new PrivateKeyFile(LabFacts.PassphraseKey, LabFacts.ReadSecret(LabFacts.KeyPassphraseFile));
        return ConnectAsync(new SshClient(node.Address, LabFacts.SshPort, user, key), node, user, pinned, ct);
    }

    public static Task<SshClient> ConnectWithPasswordAsync(LabHost node, string user, string password, CancellationToken ct)
    {
        var pinned = Preflight(node);
        return ConnectAsync(new SshClient(node.Address, LabFacts.SshPort, user, password), node, user, pinned, ct);
    }

    /// <summary>Runs <paramref name="commandText"/> and returns exit status, stdout and stderr.</summary>
    public static async Task<(int? ExitStatus, string Output, string Error)> RunAsync(
        SshClient client, string commandText, TimeSpan timeout, CancellationToken ct)
    {
        using var cmd = client.CreateCommand(commandText);
        cmd.CommandTimeout = timeout;
        await cmd.ExecuteAsync(ct);
        return (cmd.ExitStatus, cmd.Result, cmd.Error);
    }

    /// <summary>The lab is up and pins a host key for the node; returns the pinned fingerprints.</summary>
    private static IReadOnlyList<string> Preflight(LabHost node)
    {
        LabFacts.RequireLabUp();
        var pinned = LabKnownHosts.FingerprintsFor(node.Address, LabFacts.KnownHosts);
        if (pinned.Count == 0)
        {
            Assert.Fail($"No host key for {node.Name} ({node.Address}) in {LabFacts.KnownHosts}: is the lab up with this node? " +
                        "Run `sudo lab/lab up`.");
        }

        return pinned;
    }

    /// <summary>
    /// The lab's known_hosts pins plain host keys, so only plain key types are offered, as OpenSSH orders them from
    /// known_hosts. SSH.NET's default list puts the certificate types first; a node a test left presenting a host
    /// certificate that no longer verifies would then refuse every connection of the suite's own observer, which
    /// would then not even be able to take that certificate away again.
    /// </summary>
    private static void OfferOnlyPlainHostKeys(ConnectionInfo info)
    {
        foreach (var name in info.HostKeyAlgorithms.Keys.Where(n => n.Contains("-cert-v01@openssh.com", StringComparison.Ordinal)).ToList())
            info.HostKeyAlgorithms.Remove(name);
    }

    private static async Task<SshClient> ConnectAsync(
        SshClient client, LabHost node, string user, IReadOnlyList<string> pinned, CancellationToken ct)
    {
        string? offered = null;
        client.ConnectionInfo.Timeout = ConnectTimeout;
        OfferOnlyPlainHostKeys(client.ConnectionInfo);
        client.HostKeyReceived += (_, e) =>
        {
            offered = "SHA256:" + e.FingerPrintSHA256;
            e.CanTrust = pinned.Contains(offered);
        };
        try
        {
            await client.ConnectAsync(ct);
            return client;
        }
        catch (Exception ex) when (ex is SocketException or SshOperationTimeoutException)
        {
            client.Dispose();
            Assert.Fail($"{node.Name} ({node.Address}:{LabFacts.SshPort}) does not answer SSH ({ex.GetType().Name}: {ex.Message}). " +
                        "Is the test lab up? `sudo lab/lab status` shows its state; `sudo lab/lab up` starts it.");
            throw;
        }
        catch (SshConnectionException ex) when (offered is not null && !pinned.Contains(offered))
        {
            client.Dispose();
            Assert.Fail($"{node.Name} offered host key {offered}, which {LabFacts.KnownHosts} does not pin ({ex.Message}).");
            throw;
        }
        catch (SshConnectionException ex) when (offered is null)
        {
            var info = client.ConnectionInfo;
            var negotiated = $"key exchange {info.CurrentKeyExchangeAlgorithm ?? "?"}, host key {info.CurrentHostKeyAlgorithm ?? "?"}, server {info.ServerVersion ?? "?"}";
            client.Dispose();
            Assert.Fail($"{node.Name} ({node.Address}): the key exchange failed before any host key was offered for checking ({ex.Message}; {negotiated}). " +
                        "SSH.NET refuses a host key whose signature, or whose certificate's validity or CA signature, does not verify.");
            throw;
        }
        catch (SshAuthenticationException ex)
        {
            client.Dispose();
            Assert.Fail($"{user}@{node.Name} ({node.Address}) refused the login: {ex.Message}");
            throw;
        }
    }
}
