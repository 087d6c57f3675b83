using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>
/// Random mutations of the example inventory through the whole `render` command (fixed seed): every run ends with
/// exit 0 (still valid, files written) or exit 2 with an error message, never an unhandled exception (exit 1).
/// </summary>
public sealed class RenderFuzzTests
{
    [Fact]
    public async Task Mutated_inventories_render_or_are_refused_with_exit_2_never_crash()
    {
        var valid = File.ReadAllText(RepositoryRoot.Of("inventory/example.yaml"));
        var random = new Random(7);
        var outDir = Directory.CreateTempSubdirectory("halb-fuzz-out-");
        var file = Path.Combine(outDir.FullName, "inventory.yaml");
        var exits = new Dictionary<int, int>();
        try
        {
            for (var i = 0; i < 300; i++)
            {
                var at = random.Next(valid.Length);
                var mutated = random.Next(3) switch
                {
                    0 => valid.Remove(at, Math.Min(valid.Length - at, random.Next(1, 6))),
                    1 => valid.Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
                    _ => valid.Insert(at, new[] { "\n", ": ", "- ", "9", "\"", "[" }[random.Next(6)]),
                };
                File.WriteAllText(file, mutated);

                var (exit, _, error) = await CliRunner.RunAsync("render", "-i", file, "--out", Path.Combine(outDir.FullName, "out"));

                Assert.True(exit is 0 or 2, $"mutation {i}: exit {exit}\n{error}\n--- input:\n{mutated}");
                if (exit == 2) Assert.Contains("error", error);
                exits[exit] = exits.GetValueOrDefault(exit) + 1;
            }
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
        Assert.True(exits.GetValueOrDefault(2) > 50, "the mutations must reach the error paths");
        Assert.True(exits.GetValueOrDefault(0) > 20, "and some must stay valid and render");
    }
}
