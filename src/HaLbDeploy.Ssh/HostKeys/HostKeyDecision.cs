namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>Whether to trust a presented host key, and a message for the person running the tool.</summary>
/// <param name="ExpectedFingerprint">The fingerprint we expected, when a different key was expected.</param>
public sealed record HostKeyDecision(HostKeyVerdict Verdict, string Message, string PresentedFingerprint, string? ExpectedFingerprint = null)
{
    public bool IsTrusted => Verdict is HostKeyVerdict.TrustedPinned or HostKeyVerdict.TrustedKnown or HostKeyVerdict.TrustedNew or HostKeyVerdict.TrustedCertificate;

    /// <summary>True when the key is new and should be appended to known_hosts.</summary>
    public bool ShouldRecord => Verdict == HostKeyVerdict.TrustedNew;
}
