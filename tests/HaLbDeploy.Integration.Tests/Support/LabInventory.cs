namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>inventory/lab.yaml, or a variant of it, written to a temporary file for one test.</summary>
public sealed class LabInventory : IDisposable
{
    private LabInventory(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"halb-lab-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public static string Text => File.ReadAllText(RepositoryRoot.Of("inventory/lab.yaml"));

    public static LabInventory AsIs() => new(Text);

    public static LabInventory Of(string text) => new(text);

    /// <summary>The lab inventory with exact pieces of text replaced; a piece that is not there fails the test.</summary>
    public static LabInventory With(params (string Find, string Replace)[] edits)
    {
        var text = Text;
        foreach (var (find, replace) in edits)
        {
            Assert.True(text.Contains(find, StringComparison.Ordinal), $"'{find}' is not in inventory/lab.yaml");
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return new LabInventory(text);
    }

    public void Dispose() => File.Delete(Path);
}
