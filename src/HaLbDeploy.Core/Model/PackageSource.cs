namespace HaLbDeploy.Core.Model;

/// <summary>Where apply gets keepalived and haproxy from when a node lacks them.</summary>
public enum PackageSource
{
    /// <summary>The node's own package repositories (apt-get/dnf/yum install by name).</summary>
    Repository,

    /// <summary>Package files on the control host, copied to the node and installed from there (air-gapped nodes).</summary>
    Files,
}
