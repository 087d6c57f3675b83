namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>Hands out the given shells in order, one per (re)connect.</summary>
internal sealed class FakeDialer(params IRemoteShell[] shells) : IRemoteShellDialer
{
    private readonly Queue<IRemoteShell> remaining = new(shells);

    public int Dials { get; private set; }

    public Task<IRemoteShell> DialAsync(CancellationToken cancellationToken)
    {
        Dials++;
        return Task.FromResult(remaining.Dequeue());
    }
}
