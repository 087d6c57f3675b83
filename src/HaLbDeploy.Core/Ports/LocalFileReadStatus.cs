namespace HaLbDeploy.Core.Ports;

public enum LocalFileReadStatus
{
    Read,
    Missing,
    TooLarge,
    Unreadable,
}
