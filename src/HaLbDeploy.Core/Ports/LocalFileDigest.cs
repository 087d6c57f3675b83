namespace HaLbDeploy.Core.Ports;

/// <summary>
/// The length and SHA-256 (lower-case hex) of a file on the control host, or why they could not be computed
/// (<see cref="Status"/>, <see cref="Reason"/> and, when too large, <see cref="Length"/>, as in <see cref="LocalFileRead"/>).
/// </summary>
public sealed record LocalFileDigest(LocalFileReadStatus Status, long Length, string Sha256, string Reason = "")
{
    public bool IsComputed => Status == LocalFileReadStatus.Read;

    public static LocalFileDigest Of(long length, string sha256) => new(LocalFileReadStatus.Read, length, sha256);

    /// <summary>The reason a read failed, as a digest that was not computed.</summary>
    public static LocalFileDigest Failed(LocalFileRead failure) => new(failure.Status, failure.Length, "", failure.Reason);
}
