namespace HaLbDeploy.Ssh;

/// <summary>
/// A command started by <see cref="IRemoteShell.HoldAsync"/>: still running with its standard input open
/// (<see cref="Held"/>; disposing it closes the input and the channel), or already ended (<see cref="Ended"/>).
/// </summary>
internal sealed record RemoteHold(IHeldCommand? Held, RemoteCommandResult? Ended)
{
    public static RemoteHold Running(IHeldCommand held) => new(held, null);

    public static RemoteHold Finished(RemoteCommandResult result) => new(null, result);
}
