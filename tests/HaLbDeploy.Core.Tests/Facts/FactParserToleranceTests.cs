using HaLbDeploy.Core.Facts;

namespace HaLbDeploy.Core.Tests.Facts;

/// <summary>Whatever comes back from a node, the parser answers with facts (some unknown), never an exception.</summary>
public sealed class FactParserToleranceTests
{
    private static string WithoutSection(string output, string header)
    {
        var start = output.IndexOf("@@halb section " + header + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {header}");
        var next = output.IndexOf("\n@@halb ", start + 1, StringComparison.Ordinal);
        return output[..start] + output[(next + 1)..];
    }

    [Fact]
    public void An_empty_output_gives_unknown_facts_and_says_why()
    {
        var facts = FactParser.Parse("");

        Assert.False(facts.Complete);
        Assert.Null(facts.Hostname);
        Assert.Equal(OsFamily.Unknown, facts.OsFamily);
        Assert.Equal(PackageManager.Unknown, facts.PackageManager);
        Assert.Null(facts.SystemdRunning);
        Assert.False(facts.PackagesKnown);
        Assert.Empty(facts.Interfaces);
        Assert.Empty(facts.Units);
        Assert.Equal(FirewalldStatus.Unknown, facts.Firewall.Status);
        Assert.Equal(SelinuxMode.Unknown, facts.Selinux);
        Assert.Null(facts.Clock);
        Assert.Contains(new FactGap("output", "no fact sections in the output"), facts.Gaps);
        Assert.Contains(new FactGap("hostname", "not in the output"), facts.Gaps);
    }

    [Theory]
    [InlineData("units")]
    [InlineData("packages")]
    [InlineData("os-release")]
    [InlineData("tools")]
    [InlineData("addresses")]
    [InlineData("firewall-state")]
    [InlineData("firewall-runtime")]
    [InlineData("selinux")]
    [InlineData("listeners 6443")]
    public void A_missing_section_is_a_gap_and_everything_else_is_still_read(string header)
    {
        var facts = FactParser.Parse(WithoutSection(RecordedFacts.Text(RecordedFacts.Rocky8), header));

        Assert.Contains(facts.Gaps, g => g.Fact == header.Split(' ')[0] && g.Reason == "not in the output");
        Assert.Equal("lb2.k8s.example.lan", facts.Hostname);
        Assert.True(facts.Complete);
    }

    [Fact]
    public void Without_its_sections_a_fact_takes_its_unknown_value()
    {
        var output = RecordedFacts.Text(RecordedFacts.Rocky8);
        foreach (var header in new[] { "units", "packages", "os-release", "tools", "selinux", "firewall-state" })
            output = WithoutSection(output, header);

        var facts = FactParser.Parse(output);

        Assert.Empty(facts.Units);
        Assert.Null(facts.Keepalived);
        Assert.False(facts.PackagesKnown);
        Assert.Null(facts.KeepalivedVersion);
        Assert.Equal(OsFamily.Unknown, facts.OsFamily);
        Assert.Null(facts.OsId);
        Assert.Equal(PackageManager.Unknown, facts.PackageManager);
        Assert.Equal(SelinuxMode.Unknown, facts.Selinux);
        Assert.Equal(FirewalldStatus.Unknown, facts.Firewall.Status);
        Assert.Equal(2, facts.Interfaces.Count(i => i.Addresses.Count > 0));
    }

    [Fact]
    public void Output_cut_short_is_incomplete_but_keeps_what_arrived()
    {
        var output = RecordedFacts.Text(RecordedFacts.CentOs7);
        var cut = output[..output.IndexOf("@@halb section firewall-runtime", StringComparison.Ordinal)];

        var facts = FactParser.Parse(cut);

        Assert.False(facts.Complete);
        Assert.Contains(new FactGap("output", "the output ended before the end marker"), facts.Gaps);
        Assert.Equal("1.3.5-19.el7", facts.KeepalivedVersion);
        Assert.Equal(FirewalldStatus.Running, facts.Firewall.Status);
        Assert.Empty(facts.Firewall.RuntimeZones);
        Assert.False(facts.Firewall.AllowsVrrpOn("eth0"));
        Assert.Equal(SelinuxMode.Unknown, facts.Selinux);
        Assert.Equal(1717059601123, facts.Clock!.EndEpochMilliseconds);
    }

    [Fact]
    public void Unknown_sections_and_lines_before_the_first_section_are_ignored()
    {
        var output = "Last login: Mon Jun  3 10:00:00 2024\nWARNING: this is a production system\n"
            + RecordedFacts.Text(RecordedFacts.Alma9).Replace("\n@@halb section selinux\n", "\n@@halb section from-the-future x y\nanything=at all\n@@halb section selinux\n", StringComparison.Ordinal);

        var facts = FactParser.Parse(output);

        Assert.Empty(facts.Gaps);
        Assert.Equal(SelinuxMode.Permissive, facts.Selinux);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var output = RecordedFacts.Text(RecordedFacts.Rocky8);

        var facts = FactParser.Parse(output.ReplaceLineEndings("\r\n"));

        Assert.Empty(facts.Gaps);
        Assert.Equal("rocky", facts.OsId);
        Assert.True(facts.Firewall.AllowsVrrpOn("ens192"));
        Assert.Equal("0640", facts.File("/etc/keepalived/keepalived.conf")!.Mode);
    }

    [Fact]
    public void A_newer_format_version_is_reported_as_a_gap()
    {
        var facts = FactParser.Parse(RecordedFacts.Text(RecordedFacts.Alma9).Replace("@@halb facts 1", "@@halb facts 2", StringComparison.Ordinal));

        Assert.Contains(new FactGap("output", "format 2, expected 1"), facts.Gaps);
    }

    [Fact]
    public void A_tool_missing_on_the_node_is_a_gap_that_names_it()
    {
        var output = RecordedFacts.Text(RecordedFacts.Ubuntu2204)
            .Replace("@@halb section links\n", "@@halb section links\n@@halb missing ip\n@@halb section links-was\n", StringComparison.Ordinal)
            .Replace("@@halb section addresses\n", "@@halb section addresses\n@@halb missing ip\n@@halb section addresses-was\n", StringComparison.Ordinal);

        var facts = FactParser.Parse(output);

        Assert.Empty(facts.Interfaces);
        Assert.Equal([new FactGap("links", "ip is not available on the node"), new FactGap("addresses", "ip is not available on the node")], facts.Gaps);
    }

    [Theory]
    [InlineData("\0\0\0\u00ff\u00fe")]
    [InlineData("@@halb section")]
    [InlineData("@@halb section \n@@halb section file\nstat\nsha256\n@@halb end")]
    [InlineData("@@halb section units\n=\nId=\nMainPID=99999999999999999999\nId=x.service\nActiveEnterTimestampMonotonic=-5\n")]
    [InlineData("@@halb section addresses\n1: eth0 inet 999.1.1.1/24\n2: eth0 inet 10.0.0.1/99\n3: eth0 inet\n: : inet 1.2.3.4/8\n")]
    [InlineData("@@halb section firewall-state\nrunning\n@@halb section firewall-runtime\n  ports: 6443/tcp\n\trule\n(x)\n  :\n@@halb section firewall-permanent\n\t\t\n")]
    [InlineData("@@halb section clock-start\n99999999999999999999999999\n@@halb section clock-end\nN\n")]
    [InlineData("@@halb section listeners notaport\nLISTEN\nLISTEN 0 1 a b users:((\"\n")]
    [InlineData("@@halb section packages\n@@halb via dpkg\nkeepalived install ok installed\n@@halb via rpm\nhaproxy\n")]
    [InlineData("@@halb section os-release\n=\nID\n\"\nID=\"\nID_LIKE=\n")]
    [InlineData("@@halb section file /x\nstat 9999 a b c\nsha256 zz\n")]
    [InlineData("@@halb facts notanumber\n@@halb end\n@@halb end\n")]
    public void Garbage_does_not_throw(string output)
    {
        var facts = FactParser.Parse(output);

        Assert.NotNull(facts);
    }

    [Fact]
    public void Shuffled_and_truncated_pieces_of_real_recordings_never_throw()
    {
        var random = new Random(20240603);
        var lines = RecordedFacts.All.SelectMany(n => RecordedFacts.Text(n).Split('\n')).ToArray();
        for (var round = 0; round < 300; round++)
        {
            var picked = Enumerable.Range(0, random.Next(1, 80)).Select(_ => lines[random.Next(lines.Length)]);
            var text = string.Join('\n', picked);
            if (text.Length > 0) text = text[..random.Next(text.Length)];

            var facts = FactParser.Parse(text);

            Assert.NotNull(facts.Gaps);
        }
    }
}
