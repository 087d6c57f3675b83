namespace HaLbDeploy.Core.Model;

public enum VrrpInitialState
{
    Backup,
    Master,
}
