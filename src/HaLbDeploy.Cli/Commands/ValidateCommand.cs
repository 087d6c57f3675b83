using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;

namespace HaLbDeploy.Cli.Commands;

/// <summary>`halb-deploy validate`: checks an inventory without touching any host.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var sshConfig = SharedOptions.SshConfig();
        var command = new Command("validate", "Check an inventory for mistakes and known keepalived/haproxy traps; touches no host. Exit 0 valid, 2 invalid, 130 interrupted.")
        {
            inventory, sshConfig, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(inventory)!;
            if (await InventoryGate.LoadAsync(file, console.Error, ct, InventoryGate.ForReview(parse.GetValue(sshConfig))) is not { } result) return ExitCodes.Interrupted;
            // As JSON the problems are the answer, on stdout; for people they go to stderr like every command's.
            if (parse.GetValue(output) == OutputFormat.Json) ValidateJsonRenderer.Write(console.Out, file.ToString(), result);
            else ValidateTextRenderer.Write(console.Out, console.Error, file.ToString(), result);
            return result.HasErrors ? ExitCodes.UsageError : ExitCodes.Ok;
        });
        return command;
    }
}
