using System.CommandLine;
using System.CommandLine.Parsing;
using HaLbDeploy.Cli.Commands;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Cli;

/// <summary>Builds the command tree and runs it; bad command lines exit 2 like bad inventories.</summary>
public static class CliApplication
{
    public static RootCommand CreateRoot(CliConsole console) => new(
        """
        halb-deploy: builds and proves a highly available load balancer (keepalived VRRP + haproxy) in front of a
        Kubernetes control plane, over SSH, from one inventory file.

        Exit codes: 0 ok, 1 failed or unhealthy, 2 bad input (nothing touched), 3 plan: changes pending, 4 drain: sessions left at the timeout,
        130 interrupted.
        """)
    {
        ValidateCommand.Create(console),
        RenderCommand.Create(console),
        ConvergeCommand.CreatePlan(console),
        ConvergeCommand.CreateApply(console),
        VerifyCommand.Create(console),
        StatusCommand.Create(console),
        FailoverTestCommand.Create(console),
        DrainCommand.CreateDrain(console),
        DrainCommand.CreateUndrain(console),
    };

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(console);
        var parse = root.Parse(args);
        if (UnknownCommand(root, parse) is { } unknown)
        {
            // Without this, `halb-deploy statuz --help` printed the root help and exited 0, as if the command existed.
            var suggestion = DidYouMean.Suggest(unknown, root.Subcommands.Select(c => c.Name));
            console.Error.WriteLine($"error: unknown command '{unknown}'.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")}");
            console.Error.WriteLine($"Commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}. See 'halb-deploy --help'.");
            return ExitCodes.UsageError;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) console.Error.WriteLine($"error: {error.Message}");
            console.Error.WriteLine("See 'halb-deploy --help' or 'halb-deploy COMMAND --help'.");
            return ExitCodes.UsageError;
        }
        // Signals are handled by the caller (see GracefulInterruption), which hands us the token: System.CommandLine's
        // own handling would end the process 2 s after Ctrl+C, possibly in the middle of a node's swap.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>
    /// The first word that names no command, when the command line stopped at the root because of it (a directive
    /// such as [suggest] completes partial words, which are not commands yet).
    /// </summary>
    private static string? UnknownCommand(RootCommand root, ParseResult parse) =>
        parse.CommandResult.Command == root && !parse.Tokens.Any(t => t.Type == TokenType.Directive)
            ? parse.Tokens.FirstOrDefault(t => t.Type == TokenType.Argument)?.Value
            : null;
}
