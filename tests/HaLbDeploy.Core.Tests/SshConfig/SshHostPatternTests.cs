using HaLbDeploy.Core.SshConfig;

namespace HaLbDeploy.Core.Tests.SshConfig;

public sealed class SshHostPatternTests
{
    [Theory]
    [InlineData("*", "10.211.0.11", true)]
    [InlineData("10.211.0.*", "10.211.0.11", true)]
    [InlineData("10.211.0.?", "10.211.0.11", false)]
    [InlineData("10.211.0.1?", "10.211.0.11", true)]
    [InlineData("LB*", "lb1", true)]
    [InlineData("lb", "lb1", false)]
    [InlineData("*1", "lb1", true)]
    [InlineData("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("", "", true)]
    public void Wildcards_match_the_whole_name_without_regard_to_case(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, SshHostPattern.Matches(pattern, name));
    }

    [Theory]
    [InlineData("10.211.0.* !10.211.0.12", "10.211.0.11", "lb1", true)]
    [InlineData("10.211.0.* !10.211.0.12", "10.211.0.12", "lb2", false)]
    [InlineData("* !lb2", "10.211.0.12", "lb2", false)]
    [InlineData("!lb2", "10.211.0.11", "lb1", false)]
    [InlineData("lb1 lb3", "10.211.0.13", "lb3", true)]
    [InlineData("lb1 lb3", "10.211.0.12", "lb2", false)]
    public void A_block_applies_when_a_pattern_matches_the_address_or_the_name_and_no_negation_matches_either(string patterns, string address, string name, bool applies)
    {
        Assert.Equal(applies, SshHostPattern.MatchesAny(patterns.Split(' '), [address, name]));
    }
}
