namespace HaLbDeploy.Runtime.Apply;

/// <summary>What of a failed script's output goes into its node's error.</summary>
internal static class ScriptOutput
{
    /// <summary>The last eight lines: enough to say why it failed, short enough for a report.</summary>
    public static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join("\n", lines.TakeLast(8));
    }
}
