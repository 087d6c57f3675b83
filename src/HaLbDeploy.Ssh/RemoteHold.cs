namespace HaLbDeploy.Ssh;

/// <summary>
/// A command started by <see cref="IRemoteShell.HoldAsync"/>: still running with its standard input open
/// (<see cref="Held"/>; disposing it closes the input and the channel), or already ended (<see cref="Ended"/>).
/// <see cref="OutputBeforeReady"/> is what a held command printed before its ready line, line breaks included.
/// </summary>
internal sealed record RemoteHold(IHeldCommand? Held, RemoteCommandResult? Ended, string OutputBeforeReady = "")
{
    public static RemoteHold Running(IHeldCommand held, string outputBeforeReady = "") => new(held, null, outputBeforeReady);

    public static RemoteHold Finished(RemoteCommandResult result) => new(null, result);
}
