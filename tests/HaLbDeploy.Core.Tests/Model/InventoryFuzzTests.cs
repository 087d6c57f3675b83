using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>
/// Thousands of random mutations of valid inventories (fixed seeds, so a failure can be replayed): loading never
/// throws, and every result is either a usable inventory or errors that each carry a message and a fix.
/// </summary>
public sealed class InventoryFuzzTests
{
    private const int MutationsPerSeed = 2500;
    private static readonly string[] Fragments =
        [":", "-", " ", "  ", "\t", "[", "]", "{", "}", "&a", "*a", "!!str", "'", "\"", "\n", "#", "|", ">", "%", "@", "`", "?", ",",
         "0", "-1", "99999999999999999999", "1e9", "null", "~", "true", "é", "\u0000", "\uFEFF", "\r", "---", "...", "<<: *a", "0x10", "256.1.1.1"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_mutations_of_the_valid_inventory_never_crash_the_loader(int seed)
    {
        AssertNoCrash(Inventories.Valid, seed);
    }

    [Fact]
    public void Random_mutations_of_the_example_inventory_never_crash_the_loader()
    {
        AssertNoCrash(File.ReadAllText(RepositoryRoot.Of("inventory/example.yaml")), seed: 3);
    }

    private static void AssertNoCrash(string valid, int seed)
    {
        var random = new Random(seed);
        var loader = new InventoryLoader(new FakeInventoryEnvironment());
        var outcomes = new int[2];
        for (var i = 0; i < MutationsPerSeed; i++)
        {
            var mutated = Mutate(valid, random, 1 + random.Next(3));
            InventoryLoadResult result;
            try
            {
                result = loader.LoadBytes(Encoding.UTF8.GetBytes(mutated), "fuzz.yaml", "/inv");
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} mutation {i} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input:\n{mutated}");
                return;
            }
            Assert.True(result.HasErrors == (result.Inventory is null), $"seed {seed} mutation {i}: errors and inventory disagree");
            foreach (var error in result.Errors)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message), $"seed {seed} mutation {i}: an error without a message");
                Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"seed {seed} mutation {i}: {error} has no fix");
            }
            outcomes[result.HasErrors ? 1 : 0]++;
        }
        // The mutations must really exercise the error paths, not only produce valid files (or only one kind of error).
        Assert.True(outcomes[1] > MutationsPerSeed / 4, $"only {outcomes[1]} of {MutationsPerSeed} mutations were rejected");
    }

    private static string Mutate(string text, Random random, int times)
    {
        for (var n = 0; n < times && text.Length > 0; n++)
        {
            var lines = text.Split('\n').ToList();
            var at = random.Next(text.Length);
            text = random.Next(7) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                2 => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12))),
                3 => Join(lines.Where((_, i) => i != random.Next(lines.Count))),
                4 => Join(lines.Select((l, i) => i == random.Next(lines.Count) ? l + "\n" + l : l)),
                5 => text[..at],
                _ => text.Insert(at, ((char)random.Next(0x20, 0x7F)).ToString()),
            };
        }
        return text;
    }

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);
}
