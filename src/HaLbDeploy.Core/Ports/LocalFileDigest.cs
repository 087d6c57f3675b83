namespace HaLbDeploy.Core.Ports;

/// <summary>The length and SHA-256 (lower-case hex) of a file on the control host.</summary>
public sealed record LocalFileDigest(long Length, string Sha256);
