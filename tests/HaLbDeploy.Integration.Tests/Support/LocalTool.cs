namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>Runs a program on the control host (ssh-keygen, ssh-add, …) and fails the test when it fails.</summary>
public static class LocalTool
{
    public static void Run(string fileName, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(fileName) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        Assert.True(process.WaitForExit(30_000), $"{fileName} did not finish in 30 s");
        Assert.True(process.ExitCode == 0, $"{fileName} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
    }
}
