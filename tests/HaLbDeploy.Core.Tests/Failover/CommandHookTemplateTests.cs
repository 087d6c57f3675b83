using System.Net;
using HaLbDeploy.Core.Failover;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Tests.Failover;

public sealed class CommandHookTemplateTests
{
    private static LbNode Node(string name) => new(name, IPAddress.Parse("10.211.0.11"), 100, "host0", VrrpInitialState.Backup, null!);

    [Fact]
    public void Node_and_address_are_filled_in_as_quoted_words() =>
        Assert.Equal("lab/lab link-down 'lb1' # '10.211.0.11'", CommandHookTemplate.Expand("lab/lab link-down {node} # {address}", Node("lb1")));

    [Fact]
    public void A_node_name_cannot_break_out_of_its_word() =>
        Assert.Equal("off 'a'\\''; rm -rf /; '\\'''", CommandHookTemplate.Expand("off {node}", Node("a'; rm -rf /; '")));
}
