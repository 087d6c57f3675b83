using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Runtime.Tests.Local;

public sealed class ShellCommandRunnerTests
{
    [Fact]
    public async Task A_hook_runs_in_sh_and_its_output_and_exit_code_come_back()
    {
        var result = await new ShellCommandRunner().RunAsync("echo out; echo err >&2; exit 3", TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("out", result.Output);
        Assert.Contains("err", result.Output);
    }

    [Fact]
    public async Task A_hook_that_hangs_is_killed_at_its_timeout()
    {
        var started = DateTimeOffset.UtcNow;

        var result = await new ShellCommandRunner().RunAsync("sleep 30", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(-1, result.ExitCode);
        Assert.StartsWith("timed out", result.Output);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
    }
}
