namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>A known_hosts file that must not be trusted as it is (a symbolic link, or writable by others); the message says how to fix it.</summary>
public sealed class KnownHostsRefusedException(string message) : Exception(message);
