namespace HaLbDeploy.Cli;

/// <summary>The exit codes of every command, documented in --help and docs/.</summary>
public static class ExitCodes
{
    /// <summary>Success; for plan: nothing to change; for verify: healthy.</summary>
    public const int Ok = 0;

    /// <summary>The work failed on a host, or verify found the tier unhealthy.</summary>
    public const int Failed = 1;

    /// <summary>Bad input (command line or inventory); no host was touched.</summary>
    public const int UsageError = 2;

    /// <summary>plan only: changes are pending (drift), like `terraform plan -detailed-exitcode`.</summary>
    public const int ChangesPending = 3;

    /// <summary>drain only: the server is drained on every node, but sessions were still open at --timeout.</summary>
    public const int SessionsRemain = 4;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
