using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>A running SSH.NET command whose standard input is open; disposing it sends EOF and closes the channel.</summary>
internal sealed class SshCommandHold(SshCommand command, Stream input, Task execution) : IAsyncDisposable
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(10);
    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            await input.DisposeAsync();
            await execution.WaitAsync(EndTimeout);
        }
        catch (Exception)
        {
            // Gone already, or slow to end: disposing the command closes the channel, which ends it either way.
        }
        finally
        {
            command.Dispose();
        }
    }
}
