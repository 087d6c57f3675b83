using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

public sealed class InitialNamespacesTests
{
    [Fact]
    public void The_kernels_fixed_initial_inode_numbers_mean_the_node_is_not_a_container() =>
        Assert.True(InitialNamespaces.Parse(["pid:[4026531836]", "user:[4026531837]"]));

    [Fact]
    public void A_pid_namespace_of_its_own_is_a_container_as_on_systemd_nspawn() =>
        Assert.False(InitialNamespaces.Parse(["pid:[4026532301]", "user:[4026531837]"]));

    [Fact]
    public void Output_without_both_links_is_unknown() =>
        Assert.Null(InitialNamespaces.Parse(["@@halb missing readlink"]));
}
