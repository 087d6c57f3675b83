using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Commands;

/// <summary>`halb-deploy render`: writes every node's configuration files to a local directory; touches no host.</summary>
public static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var templates = SharedOptions.Templates();
        var outDir = new Option<DirectoryInfo>("--out")
        {
            Required = true,
            Description = "Directory to write into, as OUT/<node>/etc/keepalived/keepalived.conf, OUT/<node>/etc/haproxy/haproxy.cfg, ...",
        };
        var command = new Command("render", "Render each node's keepalived and haproxy configuration into a local directory for review; touches no host.")
        {
            inventory, outDir, templates, output,
        };
        command.SetAction(parse =>
        {
            var result = InventoryGate.Load(parse.GetValue(inventory)!);
            InventoryGate.PrintProblems(result, console.Error);
            if (result.Inventory is not { } valid) return ExitCodes.UsageError;

            if (DesiredConfigurations.RenderOrReport(valid, parse.GetValue(templates), console.Error) is not { } nodes) return ExitCodes.UsageError;

            var root = parse.GetValue(outDir)!.FullName;
            var written = new List<RenderedFileReport>();
            foreach (var node in nodes)
            {
                foreach (var file in node.Files)
                {
                    var target = Path.Combine(root, node.Node.Name, file.Path.TrimStart('/'));
                    LocalFiles.WriteWithMode(target, file.Content, file.Mode);
                    written.Add(new RenderedFileReport(node.Node.Name, file.Path, target, file.Mode, ContentDigest.Of(file.Content)));
                }
            }
            if (parse.GetValue(output) == OutputFormat.Json)
                JsonOutput.Write(console.Out, written);
            else
                foreach (var file in written) console.Out.WriteLine($"[render/{file.Node}] {file.Path} -> {file.LocalPath} ({file.Mode})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
