using System.Text;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Tests.TestSupport;
using HaLbDeploy.Runtime.Local;

namespace HaLbDeploy.Core.Tests.Model;

/// <summary>
/// Ten thousand seeded hostile inventories (control characters, deep nesting, huge scalars, aliases, tags, and a
/// secret written where an error would echo it), loaded through LoadText and LoadBytes; one in eight also names a
/// special file (a FIFO, a link to /dev/zero, a directory, a socket, a sparse 10 GiB file) as -i, as `secret_file:`
/// or as a package path, and is loaded from the real file system with LoadFile. The loader never throws,
/// hangs or overflows the stack; every error has a message and a fix; no problem line holds a raw control character;
/// nothing written as an anchor, an alias, a tag or under `vrrp.auth` is ever shown. The seed is fixed, and a failure
/// names its case and input.
/// </summary>
public sealed class HostileInventoryFuzzTests
{
    public const int Seed = 20_260_517;
    public const int Cases = 10_000;

    /// <summary>Generous: the cases take well under a minute; only a hang comes near it.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    private const string Secret = "Zq7SECRET";

    private static readonly string[] ControlFragments =
        ["\u001b[2J", "\u001b]0;owned\u0007", "\u001b[31m", "\r", "\n", "\t", "\u0000", "\u0007", "\b", "\u007f", "\u0085", "\u009b",
         "\u202e", "\u2028", "\u200f", "\ufeff", "\ud800", "\\e", "\"\\e[2J\\n\"", "'\u001b[1m'", "\"a\\x1bb\\u202ec\\0\""];

    private static readonly string[] AliasFragments =
        ["&a ", "*a", "*undefined", "&a [*a]", "&b {k: *b}", "<<: *a", "*", "&", "&a x\nk: *a", "*a : x", "[*a, *a, *a]"];

    private static readonly string[] TagFragments =
        ["!x ", "!!str ", "!!int ", "!!binary ", "!<tag:yaml.org,2002:str> ", "! ", "!!map ", "!e!x "];

    /// <summary>The secret as an anchor, alias or tag name: written at the start of a value, it is that token and nothing else.</summary>
    private static readonly string[] SecretTokens =
        ["*" + Secret, "&" + Secret + " x", "!" + Secret + " ", "!<" + Secret + "> ", "!e!" + Secret + " ", "&" + Secret + " [*" + Secret + "]"];

    private static readonly string[] SecretsUnderAuth =
        ["secret: *" + Secret, "secret: !" + Secret + " x", "secret_env: " + Secret, "secret_env: '" + Secret + "!'", "secret_file: " + Secret,
         Secret + ": x", Secret + ": x\n    " + Secret + ": y", "secret: [" + Secret + "]", "secret: {" + Secret + ": 1}",
         "secret: &" + Secret + " x\n    secret_env: *" + Secret, "secret_env: \"" + Secret + "\\n\"", "secret: \"" + Secret + "\u001b\""];

    /// <summary>The vrrp section as the valid inventory has it: the secret goes under `auth` only while this is intact.</summary>
    private const string IntactVrrp = "\nvrrp:\n  mode: unicast\n  preempt: true\n  auth:\n    secret_env: HALB_VRRP_SECRET\n  health_tracking:\n";

    [Fact]
    public async Task Ten_thousand_hostile_inventories_never_crash_hang_leak_or_print_control_characters()
    {
        // A pool thread's stack is smaller than the main thread's, so a recursion regression shows sooner; a hang fails at the deadline.
        var run = Task.Run(RunAll);

        Assert.True(await Task.WhenAny(run, Task.Delay(Deadline)) == run, $"the {Cases} cases did not finish within {Deadline.TotalMinutes} minutes: one of them hangs");
        var (failure, rejected, special) = await run;
        Assert.True(failure is null, failure);
        Assert.True(rejected > Cases / 2, $"only {rejected} of {Cases} hostile cases were rejected: the generator has lost its teeth");
        Assert.True(special > Cases / 10, $"only {special} of {Cases} cases named a special file");
    }

    private static (string? Failure, int Rejected, int Special) RunAll()
    {
        var random = new Random(Seed);
        var loader = new InventoryLoader(new FakeInventoryEnvironment());
        using var special = new SpecialFileSet();
        var onDisk = new InventoryLoader(SystemInventoryEnvironment.Instance);
        var (rejected, specialCases) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var (role, kind) = random.Next(8) == 0 ? (Pick(SpecialRoles, random), Pick(SpecialFileSet.Kinds, random)) : ("", "");
            var (kinds, text) = Generate(random, role.Length == 0 ? Inventories.Valid : NamingSpecialFile(role, special.PathOf(kind)));
            var asBytes = random.Next(2) == 0;
            var bytes = asBytes ? WithBadBytes(Encoding.UTF8.GetBytes(text), random) : [];
            if (role.Length > 0) (kinds, specialCases) = ($"{kinds}+{kind}-as-{role}", specialCases + 1);
            var file = role switch { "" => "", "inventory" => special.PathOf(kind), _ => WriteFile(special.Folder, asBytes ? bytes : Encoding.UTF8.GetBytes(text)) };
            InventoryLoadResult result;
            try
            {
                result = role.Length > 0 ? onDisk.LoadFile(file)
                    : asBytes ? loader.LoadBytes(bytes, "fuzz.yaml", "/inv") : loader.LoadText(text, "fuzz.yaml", "/inv");
            }
            catch (Exception e)
            {
                return (Describe(i, kinds, text, $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}"), rejected, specialCases);
            }
            if (Check(result) is { } wrong) return (Describe(i, kinds, text, wrong), rejected, specialCases);
            if (role.Length > 0 && !result.HasErrors) return (Describe(i, kinds, text, "a special file was accepted"), rejected, specialCases);
            if (result.HasErrors) rejected++;
        }
        return (null, rejected, specialCases);
    }

    private static readonly string[] SpecialRoles = ["inventory", "secret_file", "package"];

    /// <summary>The valid inventory with the special file as its `secret_file:` or as its first package file; as -i, unchanged.</summary>
    private static string NamingSpecialFile(string role, string path) => role switch
    {
        "secret_file" => Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", "secret_file: " + path),
        "package" => Inventories.ValidWith("secret_env: HALB_VRRP_SECRET", "secret: k8sVip01")
            + Inventories.FilesSection.Replace("pkgs/keepalived_2.2.7-1_amd64.deb", path, StringComparison.Ordinal),
        _ => Inventories.Valid,
    };

    /// <summary>The case as fuzz.yaml beside the special files (a lone surrogate in the text is written as U+FFFD).</summary>
    private static string WriteFile(string folder, byte[] bytes)
    {
        var path = Path.Combine(folder, "fuzz.yaml");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string? Check(InventoryLoadResult result)
    {
        if (result.HasErrors != (result.Inventory is null)) return "errors and inventory disagree";
        foreach (var problem in result.Problems)
        {
            var line = problem.ToString();
            if (problem.IsError && (string.IsNullOrWhiteSpace(problem.Message) || string.IsNullOrWhiteSpace(problem.Fix))) return $"an error without a message or a fix: {line}";
            if (line.Any(c => char.IsControl(c) || c is '\u202e' or '\u2028' or '\u200f')) return $"a raw control character in: {ShownForTheReport(line)}";
            if (line.Contains(Secret, StringComparison.Ordinal)) return $"the secret shown in: {line}";
        }
        return null;
    }

    /// <summary>
    /// The valid inventory after one to three hostile changes, then, every other time, the secret written where an error
    /// could echo it. That comes last, so no later change can turn it into plain text that is rightly shown.
    /// </summary>
    private static (string Kinds, string Text) Generate(Random random, string start)
    {
        var text = start;
        var kinds = new List<string>();
        for (var round = 1 + random.Next(3); round > 0; round--)
        {
            var kind = random.Next(5);
            kinds.Add(new[] { "control", "nesting", "huge", "aliases", "tags" }[kind]);
            text = kind switch
            {
                0 => Insert(text, Pick(ControlFragments, random), random),
                1 => Insert(text, Nesting(random), random),
                2 => Insert(text, Huge(random), random),
                3 => Insert(text, Pick(AliasFragments, random), random),
                _ => Insert(text, Pick(TagFragments, random), random),
            };
        }
        if (random.Next(2) == 0) return (string.Join('+', kinds), text);
        if (text.Contains(IntactVrrp, StringComparison.Ordinal) && random.Next(2) == 0)
        {
            var underAuth = random.Next(5) == 0
                ? IntactVrrp.Replace("  auth:\n    secret_env: HALB_VRRP_SECRET", "  auth: " + Secret, StringComparison.Ordinal)
                : IntactVrrp.Replace("secret_env: HALB_VRRP_SECRET", Pick(SecretsUnderAuth, random), StringComparison.Ordinal);
            return (string.Join('+', kinds) + "+secret-under-auth", text.Replace(IntactVrrp, underAuth, StringComparison.Ordinal));
        }
        return (string.Join('+', kinds) + "+secret-token", InsertAtAValue(text, Pick(SecretTokens, random), random));
    }

    private static string Nesting(Random random)
    {
        var depth = Pick([2, 10, 63, 64, 65, 66, 200, 5_000, 40_000], random);
        return random.Next(6) switch
        {
            0 => new string('[', depth),
            1 => new string('{', depth),
            2 => new string('[', depth) + new string(']', depth),
            3 => string.Concat(Enumerable.Repeat("- ", depth)) + "x",
            4 => string.Concat(Enumerable.Range(0, Math.Min(depth, 1_200)).Select(i => "\n" + new string(' ', i + 1) + "k:")),
            _ => string.Concat(Enumerable.Repeat("{a: [", depth)),
        };
    }

    private static string Huge(Random random)
    {
        var length = random.Next(100) == 0 ? 900_000 : Pick([1_000, 5_000, 30_000, 100_000], random);
        return random.Next(5) switch
        {
            0 => new string('x', length),
            1 => "\"" + string.Concat(Enumerable.Repeat("\\e[2J\\n", length / 7)) + "\"",
            2 => "\n" + string.Concat(Enumerable.Range(0, length / 12).Select(i => $"k{i}: v\n")),
            3 => "\n  - {}" + string.Concat(Enumerable.Repeat("\n  - {}", length / 7)),
            _ => "\n" + new string('k', length) + ": v\n",
        };
    }

    /// <summary>At a random place: at the start of a value, at the start of a line, or anywhere.</summary>
    private static string Insert(string text, string fragment, Random random) => random.Next(3) switch
    {
        0 => InsertAtAValue(text, fragment, random),
        1 => text.Insert(text.IndexOf('\n', random.Next(text.Length)) is var newline and >= 0 ? newline + 1 : text.Length, fragment),
        _ => text.Insert(random.Next(text.Length + 1), fragment),
    };

    /// <summary>Right after a `key: ` (the first from a random place on, wrapping around), or as the value of a new key at the end.</summary>
    private static string InsertAtAValue(string text, string fragment, Random random)
    {
        var colon = text.IndexOf(": ", random.Next(text.Length), StringComparison.Ordinal);
        if (colon < 0) colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? text + "\nk: " + fragment : text.Insert(colon + 2, fragment);
    }

    /// <summary>One time in ten, a few bytes that are not UTF-8 (a lone 0xFF, an overlong NUL, an encoded surrogate, a cut-off sequence).</summary>
    private static byte[] WithBadBytes(byte[] bytes, Random random)
    {
        if (random.Next(10) != 0) return bytes;
        byte[][] bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80]];
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. Pick(bad, random), .. bytes[at..]];
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static string Describe(int index, string kinds, string text, string what) =>
        $"seed {Seed} case {index} ({kinds}) {what}\n--- input (first 2000 characters, escaped):\n{ShownForTheReport(text[..Math.Min(text.Length, 2000)])}";

    private static string ShownForTheReport(string text) => HaLbDeploy.Core.Validation.ShownText.Escape(text);
}
