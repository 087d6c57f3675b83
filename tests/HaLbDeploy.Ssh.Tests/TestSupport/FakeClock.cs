using Microsoft.Extensions.Time.Testing;

namespace HaLbDeploy.Ssh.Tests.TestSupport;

public static class FakeClock
{
    /// <summary>Moves the fake clock forward in steps (50 ms unless told) until the task ends; at most 12,000 steps.</summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        for (var i = 0; i < 12_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted) time.Advance(step ?? TimeSpan.FromMilliseconds(50));
        }
        return await task;
    }
}
