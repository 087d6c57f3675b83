using System.CommandLine;
using HaLbDeploy.Cli.Output;

namespace HaLbDeploy.Cli.Commands;

/// <summary>`halb-deploy validate`: checks an inventory without touching any host.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var command = new Command("validate", "Check an inventory for mistakes and known keepalived/haproxy traps; touches no host. Exit 0 valid, 2 invalid.")
        {
            inventory, output,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(inventory)!;
            var result = InventoryGate.Load(file);
            if (parse.GetValue(output) == OutputFormat.Json)
            {
                JsonOutput.Write(console.Out, new ValidationReport(
                    file.ToString(), !result.HasErrors, result.Inventory?.Nodes.Count ?? 0, result.Inventory?.Backends.Count ?? 0,
                    result.Problems.Select(ProblemReport.From).ToList()));
            }
            else
            {
                InventoryGate.PrintProblems(result, console.Error);
                if (result.Inventory is { } valid)
                    console.Out.WriteLine($"{file}: valid ({valid.Nodes.Count} LB nodes, {valid.Backends.Count} API servers, VIP {valid.Vip}, router id {valid.VirtualRouterId}{(valid.VirtualRouterIdDerived ? " derived" : "")}).");
            }
            return result.HasErrors ? ExitCodes.UsageError : ExitCodes.Ok;
        });
        return command;
    }
}
