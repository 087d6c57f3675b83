using System.Net;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Runtime.Local;

/// <summary>The neighbour table as Linux shows it in /proc/net/arp; elsewhere (or unreadable) it knows no entry.</summary>
public sealed class ProcNetArpTable(string path = "/proc/net/arp") : INeighbourTable
{
    public NeighbourEntry? Find(IPAddress address)
    {
        try
        {
            return ArpTableParser.Find(File.ReadAllText(path), address);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
