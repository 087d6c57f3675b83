namespace HaLbDeploy.Ssh;

/// <summary>How often and how patiently to try again: exponential backoff from <paramref name="BaseDelay"/>.</summary>
/// <param name="MaxAttempts">All tries, the first one included; 1 means no retry.</param>
public sealed record SshRetryOptions(int MaxAttempts, TimeSpan BaseDelay, bool UseJitter)
{
    public static readonly SshRetryOptions Default = new(3, TimeSpan.FromMilliseconds(200), UseJitter: true);

    public static readonly SshRetryOptions None = new(1, TimeSpan.Zero, UseJitter: false);
}
