using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;

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
            if (InventoryGate.LoadOrReport(parse.GetValue(inventory)!, console.Error) is not { } valid) return ExitCodes.UsageError;
            if (DesiredConfigurations.RenderOrReport(valid, parse.GetValue(templates), console.Error) is not { } nodes) return ExitCodes.UsageError;

            var written = Write(nodes, parse.GetValue(outDir)!.FullName);
            if (parse.GetValue(output) == OutputFormat.Json) RenderJsonRenderer.Write(console.Out, written);
            else RenderTextRenderer.Write(console.Out, written);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes each node's files under root/NODE/PATH-ON-THE-NODE with their modes.</summary>
    private static List<WrittenFile> Write(IReadOnlyList<NodeConfiguration> nodes, string root)
    {
        var written = new List<WrittenFile>();
        foreach (var node in nodes)
        {
            foreach (var file in node.Files)
            {
                var target = Path.Combine(root, node.Node.Name, file.Path.TrimStart('/'));
                LocalFiles.WriteWithMode(target, file.Content, file.Mode);
                written.Add(new WrittenFile(node.Node.Name, file.Path, target, file.Mode, ContentDigest.Of(file.Content)));
            }
        }
        return written;
    }
}
