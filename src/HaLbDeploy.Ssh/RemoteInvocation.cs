namespace HaLbDeploy.Ssh;

/// <summary>
/// One run of a script on a node: the command line SSH executes and the bytes sent on its standard input. The input
/// may hold the sudo password: <see cref="Clear"/> it once it is sent.
/// </summary>
public sealed class RemoteInvocation(string commandLine, byte[] standardInput)
{
    /// <summary>What SSH executes. Never holds a script or a secret (a marker and a run id are neither).</summary>
    public string CommandLine { get; } = commandLine;

    public byte[] StandardInput { get; } = standardInput;

    public void Clear() => Array.Clear(StandardInput);
}
