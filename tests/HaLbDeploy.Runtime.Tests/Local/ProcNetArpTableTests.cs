using System.Net;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Runtime.Tests.Local;

public sealed class ProcNetArpTableTests
{
    [Fact]
    public void A_missing_table_file_is_no_entry_not_an_error()
    {
        Assert.Null(new ProcNetArpTable("/nonexistent/arp").Find(IPAddress.Parse("10.211.0.100")));
    }
}
