using System.Net;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Tests.Verification;

/// <summary>Outputs of <see cref="NodeStatusScript"/> recorded on the lab's Debian 12 nodes (converged, api2's /readyz answering 500 on lb1).</summary>
public static class RecordedStatus
{
    public const string HolderWithApi2Down = "debian12-lb1-holder-api2-down.txt";
    public const string Backup = "debian12-lb2-backup.txt";
    public static readonly IPAddress LabVip = IPAddress.Parse("10.211.0.100");

    public static string Text(string name) =>
        File.ReadAllText(RepositoryRoot.Of(Path.Combine("tests", "HaLbDeploy.Core.Tests", "Verification", "recorded", name)));

    public static NodeStatus Parse(string node, string name) => NodeStatusScript.Parse(node, LabVip, Text(name));
}
