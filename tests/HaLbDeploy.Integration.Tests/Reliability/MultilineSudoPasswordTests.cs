using HaLbDeploy.Integration.Tests.Support;

namespace HaLbDeploy.Integration.Tests.Reliability;

/// <summary>
/// A sudo password with a line break could not be sent safely (sudo reads one line; the rest would be left on
/// standard input): it is bad input, found when the inventory is loaded, so no command connects to any host. Needs no
/// lab: nothing may connect.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MultilineSudoPasswordTests
{
    private const string PasswordVariable = "HALB_TEST_MULTILINE_SUDO_PASSWORD";

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("verify")]
    public async Task A_sudo_password_with_a_line_break_is_bad_input_and_no_host_is_touched(string command)
    {
        const string password = "first-line\ntouch /tmp/PWNED-multiline";
        using var inventory = LabInventory.With(("  user: root\n", $"  user: halbpw\n  become: true\n  become_password_env: {PasswordVariable}\n"));
        var line = File.ReadAllLines(inventory.Path).ToList().FindIndex(l => l.Contains("become_password_env", StringComparison.Ordinal)) + 1;
        Environment.SetEnvironmentVariable(PasswordVariable, password);
        try
        {
            var run = await LabCli.RunAsync(command, "-i", inventory.Path);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains($"{inventory.Path}:{line}:", run.Error);
            Assert.Contains($"environment variable {PasswordVariable} holds a line break", run.Error);
            Assert.Contains("no host was touched", run.Error);
            Assert.DoesNotContain("first-line", run.All);
            Assert.DoesNotContain("PWNED", run.All);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PasswordVariable, null);
        }
    }
}
