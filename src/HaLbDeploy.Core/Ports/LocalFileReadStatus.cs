namespace HaLbDeploy.Core.Ports;

public enum LocalFileReadStatus
{
    Read,
    Missing,
    TooLarge,
    Unreadable,

    /// <summary>A FIFO, a device, a socket or a directory (after following links): never opened, since reading it could block or never end.</summary>
    NotARegularFile,
}
