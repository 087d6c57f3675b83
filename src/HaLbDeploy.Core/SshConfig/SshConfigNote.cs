namespace HaLbDeploy.Core.SshConfig;

/// <summary>Something in an ssh_config file halb-deploy did not use, or could not read, and why.</summary>
/// <param name="IsError">A file named by the user that cannot be read; otherwise a warning.</param>
public sealed record SshConfigNote(SshConfigOrigin Origin, string Message, string Fix, bool IsError = false);
