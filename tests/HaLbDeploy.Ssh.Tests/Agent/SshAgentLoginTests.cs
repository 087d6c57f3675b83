using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Ssh.Agent;
using HaLbDeploy.Ssh.Tests.TestSupport;
using Renci.SshNet;

namespace HaLbDeploy.Ssh.Tests.Agent;

/// <summary>Which agent keys a node is offered, in which order, and what is said when the agent cannot help.</summary>
public sealed class SshAgentLoginTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly RunningSshAgent agent = new();
    private readonly FakeEnvironment environment;

    public SshAgentLoginTests()
    {
        environment = new FakeEnvironment(dir.Path);
        environment.Variables["SSH_AUTH_SOCK"] = agent.SocketPath;
    }

    public void Dispose()
    {
        agent.Dispose();
        dir.Dispose();
    }

    private string NewKey(string name, string passphrase = "")
    {
        var path = dir.File(name);
        ExternalTool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", path);
        return path;
    }

    private static readonly SshCredentials NoSecrets = new(null, null, null);

    private static SshSettings NoKey => TestNodes.RootWithKey with { PrivateKeyPath = null };

    private static IReadOnlyList<string> Offered(SshLogin login) =>
        login.Methods.OfType<PrivateKeyAuthenticationMethod>().SelectMany(m => m.KeyFiles).Select(k => k switch
        {
            SshAgentKeySource a => "agent:" + a.Identity.Comment,
            PrivateKeyFile => "file",
            _ => "?",
        }).ToList();

    [Fact]
    public void With_SSH_AUTH_SOCK_set_and_no_key_configured_the_agent_keys_are_offered()
    {
        agent.Add(NewKey("in-agent"));

        var login = SshLoginBuilder.Build(TestNodes.Node(NoKey), NoSecrets, environment);

        Assert.Equal(["agent:in-agent"], Offered(login));
        Assert.Contains("agent key ssh-ed25519 SHA256:", login.Description);
    }

    [Fact]
    public void A_configured_key_goes_first_and_the_agent_keys_after_it_when_agent_is_true()
    {
        agent.Add(NewKey("in-agent"));
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("configured"), Agent = true });

        Assert.Equal(["file", "agent:in-agent"], Offered(SshLoginBuilder.Build(node, NoSecrets, environment)));
    }

    [Fact]
    public void A_configured_key_alone_is_offered_when_agent_is_not_set()
    {
        agent.Add(NewKey("in-agent"));
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = NewKey("configured") });

        Assert.Equal(["file"], Offered(SshLoginBuilder.Build(node, NoSecrets, environment)));
    }

    [Fact]
    public void Agent_false_never_asks_the_agent()
    {
        agent.Add(NewKey("in-agent"));
        var node = TestNodes.Node(NoKey with { Agent = false, PasswordEnv = "SSH_PW" });

        var login = SshLoginBuilder.Build(node, new SshCredentials(new Secret("pw", "env SSH_PW"), null, null), environment);

        Assert.Empty(Offered(login));
    }

    [Fact]
    public void Identities_only_offers_just_the_agent_key_of_the_configured_key_file()
    {
        var configured = NewKey("configured");
        agent.Add(NewKey("other-1"));
        agent.Add(configured);
        agent.Add(NewKey("other-2"));
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = configured, Agent = true, IdentitiesOnly = true });

        Assert.Equal(["file", "agent:configured"], Offered(SshLoginBuilder.Build(node, NoSecrets, environment)));
    }

    [Fact]
    public void An_encrypted_key_without_a_passphrase_is_signed_for_by_the_agent_that_holds_it()
    {
        var configured = NewKey("locked", "correct horse");
        var unlocked = dir.File("unlocked-copy");
        File.Copy(configured, unlocked);
        ExternalTool.Run("ssh-keygen", "-q", "-p", "-P", "correct horse", "-N", "", "-f", unlocked);
        agent.Add(unlocked);
        var node = TestNodes.Node(TestNodes.RootWithKey with { PrivateKeyPath = configured, Agent = true, IdentitiesOnly = true });

        Assert.Equal(["agent:locked"], Offered(SshLoginBuilder.Build(node, NoSecrets, environment)));
    }

    [Fact]
    public void Agent_true_without_SSH_AUTH_SOCK_says_what_to_do()
    {
        environment.Variables.Remove("SSH_AUTH_SOCK");

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(TestNodes.Node(NoKey with { Agent = true }), NoSecrets, environment));

        Assert.Contains("ssh.agent is true but SSH_AUTH_SOCK is not set", fault.Message);
    }

    [Fact]
    public void A_stopped_agent_that_was_the_only_way_in_fails_naming_its_socket()
    {
        agent.Stop();

        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(TestNodes.Node(NoKey), NoSecrets, environment));

        Assert.Contains("no way to log in: the SSH agent could not be used", fault.Message);
        Assert.Contains(agent.SocketPath, fault.Message);
    }

    [Fact]
    public void An_empty_agent_that_was_the_only_way_in_says_it_holds_no_key()
    {
        var fault = Assert.Throws<HostConnectionException>(() => SshLoginBuilder.Build(TestNodes.Node(NoKey), NoSecrets, environment));

        Assert.Contains("the agent on SSH_AUTH_SOCK holds no key", fault.Message);
    }
}
