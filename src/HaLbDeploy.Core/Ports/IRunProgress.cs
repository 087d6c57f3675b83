namespace HaLbDeploy.Core.Ports;

/// <summary>Progress lines tagged by phase and node, kubeadm-style: "[configs/lb2] haproxy.cfg changed (+3 -1)".</summary>
public interface IRunProgress
{
    void Report(string phase, string node, string message);

    void Warn(string phase, string node, string message);
}
