namespace HaLbDeploy.Core.Ports;

/// <summary>
/// Runs read-only POSIX sh scripts on one node as root (the adapter handles sudo). The script text travels on the
/// command's standard input, never on a command line, and is never logged: only <paramref name="description"/> is.
/// Read-only scripts may be retried by the adapter on transient faults.
/// </summary>
public interface IHostReader
{
    string NodeName { get; }

    Task<ScriptResult> ReadAsync(string description, string script, CancellationToken cancellationToken);
}
