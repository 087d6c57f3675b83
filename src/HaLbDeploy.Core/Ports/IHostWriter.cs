namespace HaLbDeploy.Core.Ports;

/// <summary>Also runs scripts that change the node. These are never retried: a retry could apply a change twice.</summary>
public interface IHostWriter : IHostReader
{
    Task<ScriptResult> ChangeAsync(string description, string script, CancellationToken cancellationToken);
}
