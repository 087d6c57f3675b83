namespace HaLbDeploy.Architecture.Tests.Violations;

/// <summary>
/// Code that breaks the rules the core lives by, one way per type, so the rules' tests can show that they fail on
/// it. Never called.
/// </summary>
public static class ReadsAFile
{
    public static string Run(string path) => File.ReadAllText(path);
}
