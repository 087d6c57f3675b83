using HaLbDeploy.Integration.Tests.Lab;
using Renci.SshNet;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// One of the lab's sudoers-variant accounts (halbglobal, halbshonly, halbnoauth, halbtty; see lab/README.md) with a
/// password chosen by the test, on every node. Only the tests of this account's variant use it. Disposing gives it
/// back the lab's sudo password, forgets its cached sudo credentials and removes the marker files.
/// </summary>
public sealed class SudoVariantAccount : IAsyncDisposable
{
    /// <summary>Every marker file a password that is a command would leave: <c>/tmp/PWNED-*</c>.</summary>
    public const string MarkerGlob = "/tmp/PWNED-*";

    private SudoVariantAccount(string user, string password)
    {
        User = user;
        Password = password;
    }

    public string User { get; }

    public string Password { get; }

    /// <summary>Sets the account's password on every node, after removing marker files and cached credentials.</summary>
    public static async Task<SudoVariantAccount> WithPasswordAsync(string user, string password)
    {
        LabFacts.RequireLabUp();
        var account = new SudoVariantAccount(user, password);
        await account.ResetAsync(password);
        return account;
    }

    /// <summary>Runs a command as this user (through su from root, so without a terminal), with optional standard input.</summary>
    public async Task<(int? ExitStatus, string Output, string Error)> RunAsUserAsync(string node, string command, string? standardInput = null) =>
        await RunAsRootAsync(node, $"su -s /bin/sh {User} -c {ShellQuote(command)}", standardInput);

    /// <summary>How many marker files exist on each node (all of them should say 0).</summary>
    public static async Task<IReadOnlyList<string>> MarkersOnEveryNodeAsync()
    {
        var counts = await Task.WhenAll(LabFacts.Nodes.Select(async n =>
            $"{n.Name}:{(await RunAsRootAsync(n.Name, $"ls -d {MarkerGlob} 2>/dev/null | wc -l")).Output.Trim()}"));
        return counts;
    }

    public async ValueTask DisposeAsync() => await ResetAsync(LabFacts.ReadSecret(LabFacts.SudoPasswordFile));

    private async Task ResetAsync(string password) =>
        await Task.WhenAll(LabFacts.Nodes.Select(async n =>
        {
            var result = await RunAsRootAsync(n.Name, $"rm -f {MarkerGlob}; rm -rf /run/sudo/ts/{User}; chpasswd", $"{User}:{password}\n");
            Assert.True(result.ExitStatus == 0, $"{n.Name}: setting the password of {User} failed: {result.Error}");
        }));

    /// <summary>Runs as root over the lab's own SSH client (not the code under test); a secret goes on standard input.</summary>
    private static async Task<(int? ExitStatus, string Output, string Error)> RunAsRootAsync(string node, string command, string? standardInput = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var client = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(node), "root", timeout.Token);
        using var run = client.CreateCommand(command);
        var execution = run.ExecuteAsync(timeout.Token);
        if (standardInput is not null)
        {
            // Only a command that reads its input may be handed a stream: one that reads none can end before
            // CreateInputStream, which then throws ("can be used only during execution", seen in a full lab run).
            await using var input = run.CreateInputStream();
            await input.WriteAsync(System.Text.Encoding.UTF8.GetBytes(standardInput), timeout.Token);
        }
        await execution;
        return (run.ExitStatus, run.Result, run.Error);
    }

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
