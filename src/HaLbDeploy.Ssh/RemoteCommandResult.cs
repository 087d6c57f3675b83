namespace HaLbDeploy.Ssh;

/// <summary>What the SSH channel reported. ExitStatus is null when the process was killed by a signal.</summary>
internal sealed record RemoteCommandResult(int? ExitStatus, string? ExitSignal, string StandardOutput, string StandardError);
