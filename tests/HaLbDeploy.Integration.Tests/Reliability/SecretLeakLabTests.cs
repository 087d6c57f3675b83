using HaLbDeploy.Integration.Tests.Lab;
using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>
/// A full plan / apply / verify / failover-test with --verbose, a log file and JSON output, as a sudo user with a
/// password and a passphrase-protected key, with keepalived.conf drift whose diff touches the auth_pass line: no
/// output and no log may contain the VRRP secret, the sudo password or the key passphrase, and once apply replaced
/// the drifted file, no backup on the node keeps the old secret.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretLeakLabTests
{
    public SecretLeakLabTests() => LabFacts.RequireLabUp();

    [Fact]
    public async Task No_secret_appears_in_any_output_or_log_of_any_command()
    {
        var vrrpSecret = LabFacts.ReadSecret(LabFacts.VrrpSecretFile);
        var sudoPassword = LabFacts.ReadSecret(LabFacts.SudoPasswordFile);
        var passphrase = LabFacts.ReadSecret(LabFacts.KeyPassphraseFile);
        Environment.SetEnvironmentVariable("HALB_TEST_SUDO_PASSWORD", sudoPassword);
        Environment.SetEnvironmentVariable("HALB_TEST_KEY_PASSPHRASE", passphrase);
        using (var asRoot = LabInventory.AsIs()) Assert.Equal(0, (await LabCli.RunAsync("apply", "-i", asRoot.Path)).ExitCode);
        using var inventory = LabInventory.With(
            ("  user: root\n", "  user: halbpw\n  become: true\n  become_password_env: HALB_TEST_SUDO_PASSWORD\n  private_key_passphrase_env: HALB_TEST_KEY_PASSPHRASE\n"),
            ($"private_key: {LabFacts.PrivateKey}\n", $"private_key: {LabFacts.PassphraseKey}\n"));
        await LabNodeShell.RunAsync("lb3", $"sed -i 's/auth_pass \"{vrrpSecret}\"/auth_pass \"0ldSecrt\"/' /etc/keepalived/keepalived.conf");
        var log = Path.Combine(Path.GetTempPath(), $"halb-secrets-{Guid.NewGuid():N}.log");
        var runs = new List<CliRun>();
        try
        {
            string[] common = ["-i", inventory.Path, "--verbose", "--log-file", log];
            runs.Add(await LabCli.RunAsync(["plan", .. common]));
            runs.Add(await LabCli.RunAsync(["plan", .. common, "--output", "json"]));
            runs.Add(await LabCli.RunAsync(["apply", .. common, "--output", "json"]));
            runs.Add(await LabCli.RunAsync(["apply", .. common]));
            runs.Add(await LabCli.RunAsync(["verify", .. common]));
            runs.Add(await LabCli.RunAsync(["verify", .. common, "--output", "json"]));
            runs.Add(await LabCli.RunAsync(["failover-test", .. common, "--node", "lb1"]));

            Assert.Equal(3, runs[0].ExitCode); // the drift was seen...
            Assert.Contains("auth_pass ********", runs[0].Output); // ...and its diff shown masked
            Assert.All(runs.Skip(2), r => Assert.True(r.ExitCode == 0, r.ToString()));
            // apply replaced lb3's drifted keepalived.conf: its backup, with the old secret, must be gone again.
            Assert.Equal("gone", (await LabNodeShell.RunAsync("lb3", "[ -e /etc/keepalived/keepalived.conf.halb-bak ] && echo kept || echo gone")).Trim());
            Assert.Equal("", (await LabNodeShell.RunAsync("lb3", "grep -rl '0ldSecrt' /etc/keepalived /etc/haproxy /usr/libexec/keepalived 2>/dev/null || true")).Trim());
            var logText = File.ReadAllText(log);
            Assert.Contains("exit 0", logText); // the log records the commands run and their exit codes
            foreach (var (name, secret) in new[] { ("VRRP secret", vrrpSecret), ("sudo password", sudoPassword), ("key passphrase", passphrase), ("old VRRP secret", "0ldSecrt") })
            {
                Assert.False(logText.Contains(secret, StringComparison.Ordinal), $"the log file contains the {name}");
                foreach (var run in runs) Assert.False(run.All.Contains(secret, StringComparison.Ordinal), $"output contains the {name}:\n{run}");
            }
        }
        finally
        {
            File.Delete(log);
        }
    }
}
