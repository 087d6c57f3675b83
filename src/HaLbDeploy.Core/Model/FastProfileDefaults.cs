namespace HaLbDeploy.Core.Model;

/// <summary>What `vrrp.profile: fast` changes in the defaults of <see cref="InventoryDefaults"/>.</summary>
public static class FastProfileDefaults
{
    /// <summary>advert_int: 10 adverts a second, a master-down interval of 0.3 s plus the skew.</summary>
    public static readonly Duration AdvertInt = new(100);

    /// <summary>The track script runs every second (keepalived's shortest script interval) and fails at once.</summary>
    public const int TrackFall = 1;
}
