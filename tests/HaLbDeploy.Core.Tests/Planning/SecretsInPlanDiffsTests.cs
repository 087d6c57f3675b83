using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using HaLbDeploy.Core.Tests.Facts;

namespace HaLbDeploy.Core.Tests.Planning;

/// <summary>
/// The diffs plan shows for keepalived.conf hide the auth_pass value by the file's structure: the whole value, with
/// its spaces, quotes and regex metacharacters, and nothing else of the file, so no secret shows through what was masked.
/// </summary>
public sealed class SecretsInPlanDiffsTests
{
    public static TheoryData<string> Secrets() => ["ab cdefg", "haproxy", "a.b*c(d)", "$1^[x]+?", "it's 'q'", "{{ x }}", "k8sVip01"];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_created_keepalived_conf_shows_every_line_as_rendered_but_the_auth_pass_value(string secret)
    {
        var inventory = PlanningFixtures.WithSecret(secret);
        var rendered = PlanningFixtures.Desired(inventory).File(NodePaths.KeepalivedConfig).Content;

        var diff = CreatedKeepalivedDiff(inventory);

        var expected = rendered.TrimEnd('\n').Split('\n').Select(line => "+" + (line.Contains("auth_pass", StringComparison.Ordinal) ? "        auth_pass ********" : line));
        Assert.Equal(expected, diff.Split('\n').SkipWhile(l => !l.StartsWith("@@", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0));
    }

    [Fact]
    public void A_secret_with_a_space_is_masked_whole()
    {
        var diff = CreatedKeepalivedDiff(PlanningFixtures.WithSecret("ab cdefg"));

        Assert.Contains("+        auth_pass ********\n", diff);
        Assert.DoesNotContain("cdefg", diff);
        Assert.DoesNotContain("ab ", diff);
    }

    [Fact]
    public void A_secret_that_is_a_word_of_the_file_leaves_that_word_everywhere_else()
    {
        var diff = CreatedKeepalivedDiff(PlanningFixtures.WithSecret("haproxy"));

        Assert.Contains("+vrrp_script chk_haproxy {\n", diff);
        Assert.Contains("+        chk_haproxy\n", diff);
        Assert.Equal(1, diff.Split("********").Length - 1);
    }

    [Theory]
    [InlineData("        auth_pass old secret")]
    [InlineData("        auth_pass \"old secret\"")]
    [InlineData("        auth_pass 'old' \"secret\" # was: old secret")]
    [InlineData("        AUTH_PASS\told secret")]
    public void An_old_secret_in_any_form_on_the_node_shows_only_as_different(string oldLine)
    {
        var inventory = PlanningFixtures.WithSecret("ab cdefg");
        var desired = PlanningFixtures.Desired(inventory).File(NodePaths.KeepalivedConfig).Content;
        var old = desired.Replace("        auth_pass \"ab cdefg\"", oldLine, StringComparison.Ordinal);

        var change = UpdatedKeepalived(inventory, old);

        Assert.Equal("~ keepalived.conf changed (+1 -1)", change.ToString());
        Assert.Contains("+        auth_pass ********\n", change.Diff);
        Assert.Contains("-        " + oldLine.TrimStart()[..9] + (oldLine.Contains('\t') ? "\t" : " ") + "******** (a different secret)\n", change.Diff);
        Assert.DoesNotContain("old secret", change.Diff);
        Assert.DoesNotContain("'old'", change.Diff);
        Assert.DoesNotContain("secret\"", change.Diff);
        Assert.DoesNotContain("cdefg", change.Diff);
    }

    [Fact]
    public void A_secret_changed_beside_other_lines_still_shows_its_line_as_changed()
    {
        var inventory = PlanningFixtures.WithSecret("haproxy");
        var desired = PlanningFixtures.Desired(inventory).File(NodePaths.KeepalivedConfig).Content;
        var old = desired.Replace("auth_pass \"haproxy\"", "auth_pass \"0ldSecrt\"", StringComparison.Ordinal).Replace("priority 100", "priority 99", StringComparison.Ordinal)
            .Replace("vrrp_script chk_haproxy {\n", "vrrp_script chk_haproxy {\n    # a comment gone\n", StringComparison.Ordinal);

        var diff = UpdatedKeepalived(inventory, old).Diff!;

        Assert.Contains("-    priority 99\n+    priority 100\n", diff);
        Assert.Contains("-        auth_pass ******** (a different secret)\n+        auth_pass ********\n", diff);
        Assert.DoesNotContain("0ldSecrt", diff);
        Assert.Contains("\n vrrp_script chk_haproxy {\n-    # a comment gone\n", diff);
    }

    [Fact]
    public void The_same_secret_unquoted_on_the_node_shows_as_written_differently_and_not_as_no_change()
    {
        var inventory = PlanningFixtures.WithSecret("k8sVip01");
        var desired = PlanningFixtures.Desired(inventory).File(NodePaths.KeepalivedConfig).Content;
        var old = desired.Replace("auth_pass \"k8sVip01\"", "auth_pass k8sVip01", StringComparison.Ordinal);

        var change = UpdatedKeepalived(inventory, old);

        Assert.Equal("~ keepalived.conf changed (+1 -1)", change.ToString());
        Assert.Contains("-        auth_pass ******** (the same secret, written differently)\n+        auth_pass ********\n", change.Diff);
        Assert.DoesNotContain("k8sVip01", change.Diff);
    }

    private static string CreatedKeepalivedDiff(Inventory inventory)
    {
        var plan = PlanningFixtures.Plan(inventory, RecordedFacts.Parse(RecordedFacts.Debian12Fresh));
        return plan.Changes.Single(c => c.Kind == ChangeKind.CreateFile && c.Target == NodePaths.KeepalivedConfig).Diff!;
    }

    private static Change UpdatedKeepalived(Inventory inventory, string old)
    {
        var converged = PlanningFixtures.Converged();
        var facts = converged with
        {
            Files = converged.Files.Select(f => f.Path == NodePaths.KeepalivedConfig ? f with { Sha256 = ContentDigest.Of(old) } : f).ToList(),
        };
        var plan = PlanningFixtures.Plan(inventory, facts, currentContent: path => path == NodePaths.KeepalivedConfig ? old : null);
        return plan.Changes.Single(c => c.Kind == ChangeKind.UpdateFile);
    }
}
