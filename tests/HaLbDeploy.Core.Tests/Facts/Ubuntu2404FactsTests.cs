using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>
/// Ubuntu 24.04 (hand-written recording): a control-plane node by mistake: kube-apiserver holds the frontend port,
/// keepalived was removed with its configuration kept, haproxy is stopped with an empty configuration.
/// </summary>
public sealed class Ubuntu2404FactsTests
{
    private readonly NodeFacts _facts = RecordedFacts.Parse(RecordedFacts.Ubuntu2404);

    [Fact]
    public void Ubuntu_24_04_uses_apt()
    {
        Assert.Equal(("ubuntu", "24.04"), (_facts.OsId, _facts.OsVersionId));
        Assert.Equal(OsFamily.Debian, _facts.OsFamily);
        Assert.Equal(PackageManager.Apt, _facts.PackageManager);
    }

    [Fact]
    public void A_removed_package_whose_configuration_stayed_counts_as_not_installed()
    {
        Assert.True(_facts.PackagesKnown);
        Assert.Null(_facts.KeepalivedVersion);
        Assert.Equal("2.8.5-1ubuntu3", _facts.HaproxyVersion);
    }

    [Fact]
    public void The_removed_package_left_its_unit_masked()
    {
        var keepalived = _facts.Keepalived!;

        Assert.True(keepalived.Masked);
        Assert.False(keepalived.Enabled);
        Assert.False(keepalived.Active);
        Assert.False(_facts.Haproxy!.Masked);
    }

    [Fact]
    public void Kube_apiserver_already_listens_on_the_frontend_port()
    {
        var listener = Assert.Single(_facts.FrontendListeners);

        Assert.Equal("*:6443", listener.LocalAddress);
        Assert.Equal(["kube-apiserver"], listener.ProcessNames);
    }

    [Fact]
    public void An_empty_file_is_still_a_regular_file_with_the_empty_digest()
    {
        var config = _facts.File("/etc/haproxy/haproxy.cfg")!;

        Assert.True(config.IsRegularFile);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", config.Sha256);
    }

    [Fact]
    public void An_interface_without_carrier_is_down_but_keeps_its_address()
    {
        var cni0 = _facts.Interface("cni0")!;

        Assert.False(cni0.LinkUp);
        Assert.Equal("10.244.0.1/24", Assert.Single(cni0.Addresses).ToString());
    }

    [Fact]
    public void Every_fact_was_read()
    {
        Assert.True(_facts.Complete);
        Assert.Empty(_facts.Gaps);
    }
}
