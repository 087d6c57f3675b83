namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>What `lab/lab up` made a node: Debian 12, or Debian dressed as an EL node (lab/README.md, "RHEL-family nodes").</summary>
public enum LabNodeOs
{
    Debian,

    /// <summary>Rocky-9-like: dnf and yum, rpm, firewalld with zone public on host0.</summary>
    El9,

    /// <summary>Rocky-8-like (VERSION_ID 8.10): yum only, rpm, firewalld with zone public on host0.</summary>
    El8,
}
