using System.Diagnostics;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// Measures what a node costs over the connector: connect+auth, and one script run on an open connection
/// (median of 20 each). The bounds are loose; the numbers are printed for the record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SshTimingLabTests(ITestOutputHelper output)
{
    private const int Samples = 20;
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("root")]
    [InlineData("halb")]
    [InlineData("halbpw")]
    public async Task Connecting_and_running_a_script_take_tens_of_milliseconds(string user)
    {
        var settings = user switch
        {
            "root" => LabSshNodes.Root,
            "halb" => LabSshNodes.SudoUser,
            _ => LabSshNodes.PasswordSudoUser,
        };
        var node = LabSshNodes.Node("lb1", settings);
        var connector = LabSshNodes.Connector();

        var connects = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var session = await connector.ConnectAsync(node, None);
            connects.Add(stopwatch.Elapsed.TotalMilliseconds);
            await session.DisposeAsync();
        }

        await using var open = await connector.ConnectAsync(node, None);
        var runs = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            Assert.True((await open.ReadAsync("true", "true", None)).Succeeded);
            runs.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"{user}: connect+auth(+sudo check) median {Median(connects):F1} ms (min {connects.Min():F1}, max {connects.Max():F1}); " +
                         $"script run median {Median(runs):F1} ms (min {runs.Min():F1}, max {runs.Max():F1}), n={Samples}");
        Assert.InRange(Median(connects), 1, 5000);
        Assert.InRange(Median(runs), 1, 2000);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
