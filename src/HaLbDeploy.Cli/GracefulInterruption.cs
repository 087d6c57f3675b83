using System.Runtime.InteropServices;

namespace HaLbDeploy.Cli;

/// <summary>
/// The first Ctrl+C or SIGTERM asks the running command to stop cleanly (a node being swapped finishes or rolls
/// back, a failover test restores its node); a second one ends the process at once.
/// </summary>
public sealed class GracefulInterruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    public GracefulInterruption(TextWriter error)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Handle(context, error)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Handle(context, error)),
        ];
    }

    public CancellationToken Token => _source.Token;

    private void Handle(PosixSignalContext context, TextWriter error)
    {
        if (Interlocked.Increment(ref _signals) > 1) return; // the default action: terminate now
        context.Cancel = true;
        error.WriteLine($"{context.Signal}: stopping cleanly (the current node finishes or rolls back); send it again to abort at once.");
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
