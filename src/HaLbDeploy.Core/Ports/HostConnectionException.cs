namespace HaLbDeploy.Core.Ports;

/// <summary>A node could not be reached or refused us (unreachable, auth failed, host key unknown or changed).</summary>
public sealed class HostConnectionException(string nodeName, string message, Exception? inner = null)
    : Exception($"{nodeName}: {message}", inner)
{
    public string NodeName { get; } = nodeName;
}
