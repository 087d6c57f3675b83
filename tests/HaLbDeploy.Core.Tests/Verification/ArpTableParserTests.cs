using System.Net;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

public sealed class ArpTableParserTests
{
    // Read from this machine's /proc/net/arp with the lab up (one line per state of interest).
    private const string Table = """
        IP address       HW type     Flags       HW address            Mask     Device
        10.211.0.11      0x1         0x2         A6:55:47:52:28:39     *        halb0
        10.211.0.100     0x1         0x2         72:bf:78:d3:63:d1     *        halb0
        10.211.0.99      0x1         0x0         00:00:00:00:00:00     *        halb0
        """;

    [Fact]
    public void A_complete_entry_gives_its_hardware_address_in_lower_case_and_its_device()
    {
        Assert.Equal(new NeighbourEntry(IPAddress.Parse("10.211.0.11"), "a6:55:47:52:28:39", "halb0"), ArpTableParser.Find(Table, IPAddress.Parse("10.211.0.11")));
        Assert.Equal("72:bf:78:d3:63:d1", ArpTableParser.Find(Table, IPAddress.Parse("10.211.0.100"))!.LinkLayerAddress);
    }

    [Fact]
    public void An_unresolved_entry_or_an_address_without_one_is_no_entry()
    {
        Assert.Null(ArpTableParser.Find(Table, IPAddress.Parse("10.211.0.99")));
        Assert.Null(ArpTableParser.Find(Table, IPAddress.Parse("10.211.0.12")));
        Assert.Null(ArpTableParser.Find("", IPAddress.Parse("10.211.0.12")));
    }

}
