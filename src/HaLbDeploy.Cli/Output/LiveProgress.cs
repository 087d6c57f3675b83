using HaLbDeploy.Core.Ports;
using Serilog;
using Spectre.Console;

namespace HaLbDeploy.Cli.Output;

/// <summary>
/// On a terminal: one live table row per node (phase, state, latest step) that redraws in place. Warnings and
/// errors are kept and printed as plain lines when the view closes, and everything goes to the log as usual.
/// </summary>
public sealed class LiveProgress(IAnsiConsole console, IEnumerable<string> nodes, ILogger logger) : IRunProgress
{
    private readonly Lock _lock = new();
    private readonly ILogger _logger = logger.ForContext(Logging.ProgressProperty, true);
    private readonly List<string> _nodes = nodes.ToList();
    private readonly Dictionary<string, (string Phase, string Message, bool Warning)> _rows = new();
    private readonly List<string> _warnings = [];
    private readonly Table _table = new Table().Border(TableBorder.Rounded).AddColumn("node").AddColumn("phase").AddColumn("latest");
    private LiveDisplayContext? _context;

    /// <summary>Runs <paramref name="work"/> while the table is shown, then prints the kept warnings.</summary>
    public async Task<T> ShowWhileAsync<T>(Func<Task<T>> work)
    {
        foreach (var node in _nodes) _table.AddRow(Markup.Escape(node), "waiting", "");
        var result = await console.Live(_table).AutoClear(false).StartAsync(async context =>
        {
            lock (_lock) _context = context;
            return await work();
        });
        foreach (var warning in _warnings) console.WriteLine(warning);
        return result;
    }

    public void Report(string phase, string node, string message) => Update(phase, node, message, warning: false);

    public void Warn(string phase, string node, string message) => Update(phase, node, message, warning: true);

    private void Update(string phase, string node, string message, bool warning)
    {
        var line = $"[{phase}/{node}] {message}";
        if (warning) _logger.Warning("{Line}", line);
        else _logger.Information("{Line}", line);
        lock (_lock)
        {
            if (warning) _warnings.Add(line);
            var index = _nodes.IndexOf(node);
            if (index < 0) return; // "*" lines (rollout order) stay in the log only
            var firstLine = message.Split('\n')[0];
            _table.UpdateCell(index, 1, Markup.Escape(phase));
            _table.UpdateCell(index, 2, warning ? $"[red]{Markup.Escape(firstLine)}[/]" : Markup.Escape(firstLine));
            _context?.Refresh();
        }
    }
}
