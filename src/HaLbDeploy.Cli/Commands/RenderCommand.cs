using System.CommandLine;
using HaLbDeploy.Cli.Output;
using HaLbDeploy.Cli.Output.Json;
using HaLbDeploy.Cli.Output.Text;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Cli.Commands;

/// <summary>`halb-deploy render`: writes every node's configuration files to a local directory; touches no host.</summary>
public static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var inventory = SharedOptions.Inventory();
        var output = SharedOptions.Output();
        var sshConfig = SharedOptions.SshConfig();
        var templates = SharedOptions.Templates();
        var outDir = new Option<DirectoryInfo>("--out")
        {
            Required = true,
            Description = "Directory to write into, as OUT/<node>/etc/keepalived/keepalived.conf, OUT/<node>/etc/haproxy/haproxy.cfg, ...",
        };
        var command = new Command("render", "Render each node's keepalived and haproxy configuration into a local directory for review; touches no host.")
        {
            inventory, sshConfig, outDir, templates, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (await InventoryGate.LoadOrReportAsync(parse.GetValue(inventory)!, console.Error, ct, InventoryGate.ForReview(parse.GetValue(sshConfig))) is not { } valid) return InventoryGate.ExitCodeWithout(ct);
            if (DesiredConfigurations.RenderForReviewOrReport(valid, parse.GetValue(templates), console.Error) is not { } rendered) return ExitCodes.UsageError;
            if (WriteOrReport(rendered, parse.GetValue(outDir)!.FullName, console.Error) is not { } written) return ExitCodes.UsageError;

            if (parse.GetValue(output) == OutputFormat.Json) RenderJsonRenderer.Write(console.Out, written);
            else RenderTextRenderer.Write(console.Out, written);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Writes each node's files under OUT/NODE/PATH-ON-THE-NODE with their modes, after checking the way to every one
    /// of them; null after printing why OUT cannot take them (bad input, like a bad inventory).
    /// </summary>
    private static List<WrittenFile>? WriteOrReport(RenderedForReview rendered, string outDir, TextWriter error)
    {
        var files = rendered.Nodes.SelectMany(node => node.Files.Select(file => (Node: node, File: file, Relative: $"{node.Node.Name}/{file.Path.TrimStart('/')}"))).ToList();
        try
        {
            var directory = RenderOutputDirectory.Open(outDir);
            directory.Check(files.Select(f => f.Relative));
            return files.Select(f =>
            {
                var local = directory.Write(f.Relative, f.File.Content, f.File.Mode);
                var secret = rendered.CarriesSecret(f.Node, f.File);
                return new WrittenFile(f.Node.Node.Name, f.File.Path, local, f.File.Mode, secret ? null : ContentDigest.Of(f.File.Content), secret);
            }).ToList();
        }
        catch (Exception e) when (e is RenderOutputException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
