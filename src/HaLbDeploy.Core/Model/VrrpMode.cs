namespace HaLbDeploy.Core.Model;

public enum VrrpMode
{
    Unicast,
    Multicast,
}
