namespace HaLbDeploy.Core.Rendering;

internal sealed record BackendView(string Name, string Address, int Port);
