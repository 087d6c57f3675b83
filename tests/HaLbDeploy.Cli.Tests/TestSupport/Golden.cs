using System.Text;

namespace HaLbDeploy.Cli.Tests.TestSupport;

/// <summary>
/// Output pinned byte for byte in Output/golden/NAME (copied next to the test assembly). After an intended change of
/// the output, regenerate the copies and review the diff:
///     HALB_UPDATE_GOLDEN=1 dotnet test tests/HaLbDeploy.Cli.Tests --filter "FullyQualifiedName~Golden"
///     git diff tests/HaLbDeploy.Cli.Tests/Output/golden
/// </summary>
public static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static bool Updating => Environment.GetEnvironmentVariable("HALB_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string name, string actual)
    {
        var golden = Updating ? RepositoryRoot.Of($"tests/HaLbDeploy.Cli.Tests/Output/golden/{name}") : Path.Combine(AppContext.BaseDirectory, "Output", "golden", name);
        if (Updating) File.WriteAllBytes(golden, Utf8.GetBytes(actual));

        Assert.True(File.Exists(golden), $"no golden copy {golden}; create it with HALB_UPDATE_GOLDEN=1 (see {nameof(Golden)})");
        var expected = File.ReadAllBytes(golden);
        if (!expected.AsSpan().SequenceEqual(Utf8.GetBytes(actual)))
            Assert.Equal(Utf8.GetString(expected), actual); // shows where they differ
    }

    /// <summary>What a command run printed and how it ended, as one text: the exit code, stdout, stderr.</summary>
    public static string Transcript(int exit, string output, string error) =>
        $"exit {exit}\n--- stdout\n{output}--- stderr\n{error}";
}
