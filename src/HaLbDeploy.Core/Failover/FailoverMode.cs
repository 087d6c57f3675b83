namespace HaLbDeploy.Core.Failover;

/// <summary>The fault failover-test puts on a node. Each kind has its own expected takeover bound.</summary>
public enum FailoverMode
{
    /// <summary>`systemctl stop keepalived`: a graceful stop that sends priority 0, so a backup takes over after its skew.</summary>
    Stop,

    /// <summary>SIGKILL to haproxy's master and workers, kept down: keepalived's track script notices and gives the VIP up.</summary>
    KillHaproxy,

    /// <summary>The node's network link goes down (out of band, through --fault-command): a hard fault.</summary>
    LinkDown,

    /// <summary>The node loses power (out of band, through --fault-command): a hard fault.</summary>
    PowerOff,
}
