using HaLbDeploy.Core.Ports;
using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;
using HaLbDeploy.Ssh;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// The sudo password must never reach a shell, under every sudoers setting that lets sudo leave it unread on standard
/// input. Each test gives one of the lab's sudoers-variant accounts (lab/README.md) a password that is a command
/// leaving a marker file, runs plan and apply as that account, and looks for the marker on every node. Needs
/// `sudo lab/lab up`.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SudoPasswordLabTests
{
    private const string PasswordVariable = "HALB_TEST_VARIANT_SUDO_PASSWORD";
    private const string DriftLine = "# drift made by SudoPasswordLabTests";

    public SudoPasswordLabTests() => LabFacts.RequireLabUp();

    [Theory]
    [InlineData("halbglobal", "global")]
    [InlineData("halbshonly", "shonly")]
    [InlineData("halbnoauth", "noauth")]
    public async Task A_sudo_password_that_is_a_command_never_runs_and_never_shows_while_plan_and_apply_work(string user, string variant)
    {
        await using var account = await SudoVariantAccount.WithPasswordAsync(user, $"touch /tmp/PWNED-{variant}");
        await AssertTheVariantBehavesAsDescribedAsync(account, variant);
        await ConvergeAsRootAndDriftEveryNodeAsync();
        var log = Path.Combine(Path.GetTempPath(), $"halb-sudo-{variant}-{Guid.NewGuid():N}.log");
        var runs = new List<CliRun>();
        try
        {
            Environment.SetEnvironmentVariable(PasswordVariable, account.Password);
            using var inventory = InventoryAs(user);
            string[] common = ["-i", inventory.Path, "--verbose", "--log-file", log];
            runs.Add(await LabCli.RunAsync(["plan", .. common]));
            runs.Add(await LabCli.RunAsync(["plan", .. common, "--output", "json"]));
            runs.Add(await LabCli.RunAsync(["apply", .. common]));
            runs.Add(await LabCli.RunAsync(["plan", .. common, "--output", "json"]));

            Assert.True(runs[0].ExitCode == 3, $"plan should see the drift:\n{runs[0]}");
            Assert.True(runs[1].ExitCode == 3, runs[1].ToString());
            Assert.True(runs[2].ExitCode == 0, $"apply should work as {user}:\n{runs[2]}");
            Assert.True(runs[3].ExitCode == 0, $"after apply nothing is pending:\n{runs[3]}");
            Assert.Equal(["0", "0", "0"], (await LabNodeShell.RunOnAllAsync($"grep -c '^{DriftLine}$' /etc/haproxy/haproxy.cfg || true")).Select(o => o.Trim()));
            Assert.Equal(["lb1:0", "lb2:0", "lb3:0"], await SudoVariantAccount.MarkersOnEveryNodeAsync());
            AssertNowhere(account.Password, runs, log);
            if (variant == "global")
            {
                // sudo -k: halb-deploy's sudo neither used nor left a credential that the user's other sessions could use.
                foreach (var node in LabFacts.Nodes) AssertRefused(await account.RunAsUserAsync(node.Name, "sudo -n true"), "sudo: a password is required");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(PasswordVariable, null);
            File.Delete(log);
            await LabNodeShell.RunOnAllAsync($"sed -i '/^{DriftLine}$/d' /etc/haproxy/haproxy.cfg 2>/dev/null; true");
        }
    }

    [Fact]
    public async Task Sudo_that_requires_a_terminal_fails_plan_and_apply_naming_the_sudoers_line_and_touches_nothing()
    {
        await using var account = await SudoVariantAccount.WithPasswordAsync("halbtty", "touch /tmp/PWNED-tty");
        await AssertTheVariantBehavesAsDescribedAsync(account, "tty");
        await ConvergeAsRootAndDriftEveryNodeAsync();
        const string state = "sha256sum /etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf; systemctl show -p InvocationID --value haproxy keepalived; ls /etc/haproxy /etc/keepalived";
        var before = await LabNodeShell.RunOnAllAsync(state);
        var log = Path.Combine(Path.GetTempPath(), $"halb-sudo-tty-{Guid.NewGuid():N}.log");
        var runs = new List<CliRun>();
        try
        {
            Environment.SetEnvironmentVariable(PasswordVariable, account.Password);
            using var inventory = InventoryAs("halbtty");
            string[] common = ["-i", inventory.Path, "--verbose", "--log-file", log];
            runs.Add(await LabCli.RunAsync(["plan", .. common]));
            runs.Add(await LabCli.RunAsync(["apply", .. common]));
            runs.Add(await LabCli.RunAsync(["apply", .. common, "--output", "json"]));

            foreach (var run in runs)
            {
                Assert.True(run.ExitCode == 1, run.ToString());
                foreach (var node in LabFacts.Nodes)
                {
                    Assert.True(run.All.Contains($"{node.Name}: sudo on this node requires a terminal for user halbtty (`Defaults requiretty` in /etc/sudoers or /etc/sudoers.d/)", StringComparison.Ordinal),
                        $"the error should name the sudoers line for {node.Name}:\n{run}");
                }
                Assert.Contains("Defaults:halbtty !requiretty", run.All);
            }
            Assert.Equal(before, await LabNodeShell.RunOnAllAsync(state));
            Assert.Equal(["1", "1", "1"], (await LabNodeShell.RunOnAllAsync($"grep -c '^{DriftLine}$' /etc/haproxy/haproxy.cfg || true")).Select(o => o.Trim()));
            Assert.Equal(["lb1:0", "lb2:0", "lb3:0"], await SudoVariantAccount.MarkersOnEveryNodeAsync());
            AssertNowhere(account.Password, runs, log);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PasswordVariable, null);
            File.Delete(log);
            await LabNodeShell.RunOnAllAsync($"sed -i '/^{DriftLine}$/d' /etc/haproxy/haproxy.cfg 2>/dev/null; true");
        }
    }

    [Fact]
    public async Task A_sudo_credential_cached_by_another_session_is_never_relied_on()
    {
        await using var account = await SudoVariantAccount.WithPasswordAsync("halbglobal", "touch /tmp/PWNED-cached");
        await CacheACredentialFromAnotherSessionAsync(account, "lb2");
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            Environment = new LabSecretsEnvironment { Variables = { [LabSecretsEnvironment.SudoPasswordVariable] = "not-the-password-91" } },
        });
        var settings = LabSshNodes.PasswordSudoUser with { User = "halbglobal" };

        var fault = await Assert.ThrowsAsync<HostConnectionException>(() => connector.ConnectAsync(LabSshNodes.Node("lb2", settings), CancellationToken.None));

        Assert.Equal($"lb2: sudo rejected the password from env {LabSecretsEnvironment.SudoPasswordVariable} for user halbglobal (the script did not run)", fault.Message);
        Assert.Equal(["lb1:0", "lb2:0", "lb3:0"], await SudoVariantAccount.MarkersOnEveryNodeAsync());
    }

    [Fact]
    public async Task With_a_cached_credential_the_password_is_still_read_by_sudo_and_never_by_the_shell()
    {
        await using var account = await SudoVariantAccount.WithPasswordAsync("halbglobal", "touch /tmp/PWNED-cached");
        await CacheACredentialFromAnotherSessionAsync(account, "lb3");
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            Environment = new LabSecretsEnvironment { Variables = { [LabSecretsEnvironment.SudoPasswordVariable] = account.Password } },
        });
        await using var session = await connector.OpenAsync(LabSshNodes.Node("lb3", LabSshNodes.PasswordSudoUser with { User = "halbglobal" }), CancellationToken.None);

        var result = await session.ReadAsync("read uid", "id -u", CancellationToken.None);

        Assert.Equal(new ScriptResult(0, "0\n", ""), result);
        Assert.Equal(["lb1:0", "lb2:0", "lb3:0"], await SudoVariantAccount.MarkersOnEveryNodeAsync());
    }

    [Fact]
    public async Task Cancelling_a_run_stops_it_on_the_node_without_ever_running_the_password_when_sudo_needs_none_for_sh()
    {
        await using var account = await SudoVariantAccount.WithPasswordAsync("halbshonly", "touch /tmp/PWNED-stop");
        await AssertTheVariantBehavesAsDescribedAsync(account, "shonly");
        var connector = new SshHostConnector(new SshConnectorOptions
        {
            Environment = new LabSecretsEnvironment { Variables = { [LabSecretsEnvironment.SudoPasswordVariable] = account.Password } },
        });
        var marker = "38.0" + Random.Shared.Next(100_000, 999_999);
        await using var session = await connector.OpenAsync(LabSshNodes.Node("lb1", LabSshNodes.PasswordSudoUser with { User = "halbshonly" }), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ReadAsync("long wait", $"sleep {marker} & sleep {marker}", cancel.Token));

        var left = await session.ReadAsync("look for the sleeps", $"pgrep -fc '^sleep {marker}$' || true", CancellationToken.None);
        Assert.Equal("0", left.StandardOutput.Trim());
        Assert.Equal(["lb1:0", "lb2:0", "lb3:0"], await SudoVariantAccount.MarkersOnEveryNodeAsync());
    }

    /// <summary>
    /// Each test first proves the lab gives it the sudo it is about, so that none can pass because the lab's sudoers
    /// lost its variant.
    /// </summary>
    private static async Task AssertTheVariantBehavesAsDescribedAsync(SudoVariantAccount account, string variant)
    {
        switch (variant)
        {
            case "global":
                await CacheACredentialFromAnotherSessionAsync(account, "lb1");
                await ForgetCachedCredentialsAsync(account, "lb1");
                break;
            case "shonly":
                Assert.Equal(0, (await account.RunAsUserAsync("lb1", "sudo -k -n sh -c true")).ExitStatus);
                AssertRefused(await account.RunAsUserAsync("lb1", "sudo -k -n true"), "sudo: a password is required");
                break;
            case "noauth":
                Assert.Equal(0, (await account.RunAsUserAsync("lb1", "sudo -k -n true")).ExitStatus);
                break;
            case "tty":
                AssertRefused(await account.RunAsUserAsync("lb1", "sudo -k -n true"), "sudo: sorry, you must have a tty to run sudo");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }
    }

    /// <summary>With timestamp_type=global, a credential cached by one session lets every other session skip the password.</summary>
    private static async Task CacheACredentialFromAnotherSessionAsync(SudoVariantAccount account, string node)
    {
        Assert.Equal(0, (await account.RunAsUserAsync(node, "sudo -S -p '' -v", account.Password + "\n")).ExitStatus);
        var otherSession = await account.RunAsUserAsync(node, "sudo -n true");
        Assert.True(otherSession.ExitStatus == 0, $"{node}: another session of {account.User} should use the cached credential: {otherSession.Error}");
    }

    private static async Task ForgetCachedCredentialsAsync(SudoVariantAccount account, string node)
    {
        Assert.Equal(0, (await account.RunAsUserAsync(node, "sudo -K")).ExitStatus);
        AssertRefused(await account.RunAsUserAsync(node, "sudo -n true"), "sudo: a password is required");
    }

    private static void AssertRefused((int? ExitStatus, string Output, string Error) result, string error)
    {
        Assert.Equal(1, result.ExitStatus);
        Assert.Contains(error, result.Error);
    }

    private static async Task ConvergeAsRootAndDriftEveryNodeAsync()
    {
        using (var asRoot = LabInventory.AsIs())
        {
            var converge = await LabCli.RunAsync("apply", "-i", asRoot.Path);
            Assert.True(converge.ExitCode == 0, converge.ToString());
        }
        await LabNodeShell.RunOnAllAsync($"echo '{DriftLine}' >> /etc/haproxy/haproxy.cfg");
    }

    private static LabInventory InventoryAs(string user) =>
        LabInventory.With(("  user: root\n", $"  user: {user}\n  become: true\n  become_password_env: {PasswordVariable}\n"));

    private static void AssertNowhere(string password, IReadOnlyList<CliRun> runs, string log)
    {
        Assert.False(File.ReadAllText(log).Contains(password, StringComparison.Ordinal), "the log file contains the sudo password");
        foreach (var run in runs) Assert.False(run.All.Contains(password, StringComparison.Ordinal), $"output contains the sudo password:\n{run}");
    }
}
