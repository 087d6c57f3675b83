using HaLbDeploy.Core.Scripts;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Scripts;

/// <summary>Every script is made of the kit's pieces, and each prelude does what its name says under dash.</summary>
public sealed class ScriptKitTests
{
    public static TheoryData<string> Scripts() => ScriptGoldenTests.Names();

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_sets_the_kits_fixed_path_once_and_spells_no_other(string name)
    {
        // A run lock that reads once it holds the lock carries the read as a whole script of its own (a here-document
        // for a child shell): each of the two follows the rule.
        foreach (var script in WithEmbeddedRead(ScriptCatalog.All[name]()))
        {
            Assert.Single(script.Split('\n'), l => l.StartsWith("PATH=", StringComparison.Ordinal));
            Assert.Contains(ScriptKit.PathPrelude, script);
        }
    }

    private static IEnumerable<string> WithEmbeddedRead(string script)
    {
        const string start = "<<'HALB_LOCKED_READ_END'\n", end = "\nHALB_LOCKED_READ_END\n";
        var from = script.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
        {
            yield return script;
            yield break;
        }
        var to = script.IndexOf(end, from, StringComparison.Ordinal);
        yield return script[..from] + script[to..];
        yield return script[(from + start.Length)..to];
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_runs_its_body_with_stdin_from_dev_null(string name)
    {
        var script = ScriptCatalog.All[name]();
        var last = script.TrimEnd('\n').Split('\n').Reverse().First(l => l != ScriptKit.ExitZero.TrimEnd('\n'));

        // The run lock's function also gets the beats on fd 3 (ScriptKit.CallWithInputOn3), and ends in exit.
        Assert.Matches(name.StartsWith("run-lock-", StringComparison.Ordinal) ? "^halb_lock 3<&0 </dev/null$" : "^halb_[a-z]+ </dev/null$", last);
    }

    [Theory]
    [InlineData(ScriptKit.PathPrelude, false)]
    [InlineData(ScriptKit.ExportedPathPrelude, false)]
    [InlineData(ScriptKit.ReadPrelude, true)]
    [InlineData(ScriptKit.ChangePrelude, true)]
    public void A_prelude_gives_the_script_and_what_it_starts_the_fixed_path_and_the_c_locale_when_it_says(string prelude, bool cLocale)
    {
        // The child shell shows what the commands a script starts inherit. PATH comes from the environment here as
        // over SSH, so it is exported even where the prelude does not say so.
        var result = LocalShell.Run("dash", prelude + "echo \"$PATH\"\nsh -c 'echo \"$PATH\"; echo \"${LC_ALL-unset}\"'\n");

        Assert.Equal([ScriptKit.SearchPath, ScriptKit.SearchPath, cLocale ? "C" : Environment.GetEnvironmentVariable("LC_ALL") ?? "unset", ""], result.StandardOutput.Split('\n'));
    }

    [Fact]
    public void Only_the_apply_prelude_makes_an_unset_variable_an_error()
    {
        Assert.NotEqual(0, LocalShell.Run("dash", ScriptKit.ChangePrelude + "echo \"$halb_never_set\"\n").ExitCode);
        Assert.Equal(0, LocalShell.Run("dash", ScriptKit.ReadPrelude + "echo \"$halb_never_set\"\n").ExitCode);
    }

    [Fact]
    public void A_script_wrapped_as_a_function_cannot_read_the_rest_of_itself_from_stdin()
    {
        var script = ScriptKit.AsFunction("halb_main", "read -r line || line=none\necho \"read: $line\"\n") + "echo 'this line is script, not input'\n";

        var result = LocalShell.Run("dash", script);

        Assert.Equal("read: none\nthis line is script, not input\n", result.StandardOutput);
    }
}
