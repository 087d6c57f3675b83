namespace HaLbDeploy.Ssh;

/// <summary>A failed try that will be tried again after <paramref name="Delay"/>.</summary>
/// <param name="FailedAttempt">1 for the first try.</param>
public sealed record SshRetryAttempt(int FailedAttempt, TimeSpan Delay, Exception Fault);
