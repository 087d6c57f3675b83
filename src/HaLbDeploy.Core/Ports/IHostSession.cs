namespace HaLbDeploy.Core.Ports;

/// <summary>An open connection to a node; plan and verify use it only as an <see cref="IHostReader"/>.</summary>
public interface IHostSession : IHostWriter, IAsyncDisposable;
