using Renci.SshNet;

namespace HaLbDeploy.Ssh;

/// <summary>
/// A running SSH.NET command whose standard input is open, beaten: one byte every interval, for as long as the hold
/// lives, so that the node side can tell a live run from one whose link was cut (no FIN reaches the node then, and
/// sshd would keep the channel for hours). Disposing it stops the beats, sends EOF and closes the channel.
/// </summary>
internal sealed class SshCommandHold : IHeldCommand
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(10);
    private readonly SshCommand command;
    private readonly Stream input;
    private readonly Task execution;
    private readonly CancellationTokenSource stopBeating = new();
    private readonly Task beating;
    private int disposed;

    public SshCommandHold(SshCommand command, Stream input, Task execution, HoldBeat? beat)
    {
        this.command = command;
        this.input = input;
        this.execution = execution;
        beating = beat is null ? Task.CompletedTask : Task.Run(() => BeatAsync(beat));
    }

    public bool HasEnded => execution.IsCompleted;

    private async Task BeatAsync(HoldBeat beat)
    {
        var bytes = new[] { beat.Byte };
        try
        {
            using var timer = new PeriodicTimer(beat.Interval);
            while (await timer.WaitForNextTickAsync(stopBeating.Token) && !execution.IsCompleted)
            {
                await input.WriteAsync(bytes, stopBeating.Token);
                await input.FlushAsync(stopBeating.Token);
            }
        }
        catch (Exception)
        {
            // Disposed, or the channel is gone: without beats the node side lets go on its own.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        try
        {
            await stopBeating.CancelAsync();
            await beating.WaitAsync(EndTimeout);
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
            stopBeating.Dispose();
        }
    }
}
