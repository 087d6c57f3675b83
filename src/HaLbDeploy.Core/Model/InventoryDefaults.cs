using System.Net;

namespace HaLbDeploy.Core.Model;

/// <summary>The values an inventory gets for the fields it leaves out.</summary>
public static class InventoryDefaults
{
    public const int AdvertIntSeconds = 1;
    public const int FrontendPort = 6443;
    public const int BackendPort = 6443;
    public const int SshPort = 22;
    public const string SshUser = "root";
    public const string KnownHosts = "~/.ssh/known_hosts";
    public const string HealthCheckPath = "/readyz";
    public const int HealthCheckFall = 2;
    public const int HealthCheckRise = 2;
    public const int TrackWeight = 0;
    public const int TrackIntervalSeconds = 1;
    public const int TrackFall = 2;
    public const int TrackRise = 2;
    public const int GarpRefreshSeconds = 10;
    public const PackageSource Packages = PackageSource.Repository;
    public static readonly IPAddress MulticastGroup = IPAddress.Parse("224.0.0.18");
    public static readonly Duration HealthCheckInterval = Duration.FromSeconds(1);
    public static readonly Duration ConnectTimeout = Duration.FromSeconds(5);
    public static readonly Duration ClientTimeout = new(15 * 60_000);
    public static readonly Duration ServerTimeout = new(15 * 60_000);
    public static readonly Duration SshConnectTimeout = Duration.FromSeconds(10);
}
