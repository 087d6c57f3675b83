using System.Net;

namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>
/// The test lab is what the other integration tests assume: every node answers SSH for every account, boots
/// cleanly, has the sudo set-up, installs from the local repository only, has no way out, and every API server
/// is ready. Needs `sudo lab/lab up`; fails (never skips) when the lab is down.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LabSmokeTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> NodeNames()
    {
        var data = new TheoryData<string>();
        foreach (var node in LabFacts.Nodes)
        {
            data.Add(node.Name);
        }

        return data;
    }

    public static TheoryData<string> ApiNames()
    {
        var data = new TheoryData<string>();
        foreach (var api in LabFacts.ApiServers)
        {
            data.Add(api.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Root_logs_in_with_the_key_system_is_running_and_there_is_no_default_route(string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var ssh = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(name), "root", cts.Token);

        var whoami = await LabSsh.RunAsync(ssh, "id -un", CommandTimeout, cts.Token);
        Assert.Equal("root", whoami.Output.Trim());

        var state = await LabSsh.RunAsync(ssh, "systemctl is-system-running; systemctl --failed --no-legend --plain", CommandTimeout, cts.Token);
        Assert.True(state.Output.StartsWith("running", StringComparison.Ordinal), $"{name}: systemctl is-system-running says: {state.Output}");

        var routes = await LabSsh.RunAsync(ssh, "ip route show default; ip -6 route show default", CommandTimeout, cts.Token);
        Assert.Equal(0, routes.ExitStatus);
        Assert.True(routes.Output.Trim().Length == 0, $"{name} has a default route: {routes.Output}");

        var address = await LabSsh.RunAsync(ssh, $"ip -4 -o addr show dev {LabFacts.Interface}", CommandTimeout, cts.Token);
        Assert.Contains($" {LabFacts.Node(name).Address}/24 ", address.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Halb_logs_in_with_the_key_and_has_sudo_without_password(string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var ssh = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(name), LabFacts.SudoUser, cts.Token);

        var result = await LabSsh.RunAsync(ssh, "id -un && sudo -n id -u", CommandTimeout, cts.Token);
        Assert.True(result.ExitStatus == 0, $"{name}: sudo -n failed for {LabFacts.SudoUser}: {result.Error}");
        Assert.Equal($"{LabFacts.SudoUser}\n0", result.Output.Trim());
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Halbpw_logs_in_with_the_key_and_sudo_needs_the_password(string name)
    {
        var password = LabFacts.ReadSecret(LabFacts.SudoPasswordFile);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var ssh = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(name), LabFacts.PasswordUser, cts.Token);

        var withoutPassword = await LabSsh.RunAsync(ssh, "sudo -n true", CommandTimeout, cts.Token);
        Assert.NotEqual(0, withoutPassword.ExitStatus);

        // The password goes in on stdin through a here-document, so it is in no process's argv.
        var withPassword = await LabSsh.RunAsync(ssh, $"sudo -S -p '' id -u <<'HALB_EOF'\n{password}\nHALB_EOF", CommandTimeout, cts.Token);
        Assert.True(withPassword.ExitStatus == 0, $"{name}: sudo -S failed for {LabFacts.PasswordUser}: {withPassword.Error}");
        Assert.Equal("0", withPassword.Output.Trim());
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Halbpw_logs_in_with_the_password(string name)
    {
        var password = LabFacts.ReadSecret(LabFacts.SudoPasswordFile);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var ssh = await LabSsh.ConnectWithPasswordAsync(LabFacts.Node(name), LabFacts.PasswordUser, password, cts.Token);

        var result = await LabSsh.RunAsync(ssh, "id -un", CommandTimeout, cts.Token);
        Assert.Equal(LabFacts.PasswordUser, result.Output.Trim());
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Every_account_logs_in_with_the_passphrase_protected_key(string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var user in new[] { "root", LabFacts.SudoUser, LabFacts.PasswordUser })
        {
            using var ssh = await LabSsh.ConnectWithPassphraseKeyAsync(LabFacts.Node(name), user, cts.Token);
            var result = await LabSsh.RunAsync(ssh, "id -un", CommandTimeout, cts.Token);
            Assert.Equal(user, result.Output.Trim());
        }
    }

    [Theory]
    [MemberData(nameof(NodeNames))]
    public async Task Apt_installs_keepalived_and_haproxy_from_the_lab_repository_only(string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var ssh = await LabSsh.ConnectWithKeyAsync(LabFacts.Node(name), "root", cts.Token);

        var update = await LabSsh.RunAsync(ssh, "apt-get -q -o DPkg::Lock::Timeout=60 update", CommandTimeout, cts.Token);
        Assert.True(update.ExitStatus == 0, $"{name}: apt-get update failed: {update.Output}{update.Error}");

        var sites = await LabSsh.RunAsync(ssh, "apt-get indextargets --format '$(SITE)' | sort -u", CommandTimeout, cts.Token);
        Assert.Equal(LabFacts.RepositoryUrl.TrimEnd('/'), sites.Output.Trim().TrimEnd('/'));

        var simulate = await LabSsh.RunAsync(
            ssh, "apt-get -o DPkg::Lock::Timeout=60 install --simulate -y keepalived haproxy", CommandTimeout, cts.Token);
        Assert.True(simulate.ExitStatus == 0, $"{name}: apt-get install --simulate failed: {simulate.Output}{simulate.Error}");
        foreach (var package in new[] { "keepalived", "haproxy" })
        {
            var installedAlready = simulate.Output.Contains($"{package} is already the newest version", StringComparison.Ordinal);
            Assert.True(installedAlready || simulate.Output.Contains($"Inst {package} ", StringComparison.Ordinal),
                $"{name}: apt would not install {package}:\n{simulate.Output}");
        }
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task Api_server_answers_readyz_over_tls(string name)
    {
        LabFacts.RequireLabUp();
        var api = LabFacts.Api(name);
        using var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true }, // the lab's self-signed cert
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var url = $"https://{api.Address}:{LabFacts.ApiPort}/readyz";

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url);
        }
        catch (HttpRequestException ex)
        {
            Assert.Fail($"{name}: GET {url} failed ({ex.Message}). Is the test lab up? Start it with `sudo lab/lab up`.");
            throw;
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        }
    }
}
