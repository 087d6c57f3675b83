using HaLbDeploy.Core.Ports;
using HaLbDeploy.Runtime.Local;
using HaLbDeploy.Ssh.Agent;
using Serilog;

namespace HaLbDeploy.Ssh;

/// <summary>Run-wide settings of <see cref="SshHostConnector"/>; the per-node ones come from the inventory.</summary>
public sealed record SshConnectorOptions
{
    /// <summary>From the CLI's --accept-new-host-keys: like host_key_policy accept-new for every node.</summary>
    public bool AcceptNewHostKeys { get; init; }

    /// <summary>The longest one script may run; the remote command is then signalled and a TimeoutException thrown.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    public SshRetryOptions ConnectRetry { get; init; } = SshRetryOptions.Default;

    /// <summary>For read-only scripts after a dropped connection (reconnect, then run again).</summary>
    public SshRetryOptions ReadRetry { get; init; } = SshRetryOptions.Default;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where secrets named by environment variable are read, and ~ for default keys.</summary>
    public IInventoryEnvironment Environment { get; init; } = SystemInventoryEnvironment.Instance;

    /// <summary>How to reach the SSH agent at a socket path (SSH_AUTH_SOCK); tests put a fake agent here.</summary>
    public Func<string, ISshAgentTransport> AgentTransport { get; init; } = path => new UnixSocketAgentTransport(path);

    /// <summary>Null means Serilog's static <see cref="Log.Logger"/> at the time of each message.</summary>
    public ILogger? Logger { get; init; }
}
