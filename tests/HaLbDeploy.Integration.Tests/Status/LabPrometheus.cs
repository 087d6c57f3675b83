using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HaLbDeploy.Integration.Tests.Status;

/// <summary>
/// A real Prometheus (Debian's package) for one test: its own temporary directory, listening on loopback only,
/// scraping with the shipped docs/monitoring/scrape.yml (at a 1 s interval) and loading the shipped alert rules.
/// Disposing ends it by its PID and removes the directory.
/// </summary>
public sealed class LabPrometheus : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly HttpClient _http;

    private LabPrometheus(Process process, DirectoryInfo directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public static LabPrometheus Start()
    {
        var prometheus = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("prometheus is not installed; run scripts/host-setup (apt-get install prometheus)");
        var directory = Directory.CreateTempSubdirectory("halb-prometheus-");
        var monitoring = RepositoryRoot.Of("docs/monitoring");
        var scrape = File.ReadAllText(Path.Combine(monitoring, "scrape.yml")).Replace("scrape_interval: 15s", "scrape_interval: 1s", StringComparison.Ordinal);
        var config = Path.Combine(directory.FullName, "prometheus.yml");
        File.WriteAllText(config, $"global:\n  evaluation_interval: 1s\nrule_files: [{Path.Combine(monitoring, "alerts.yml")}]\n{scrape}");
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(prometheus)
        {
            ArgumentList = { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory.FullName, "data")}", $"--web.listen-address=127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new LabPrometheus(process, directory, port);
    }

    /// <summary>The result vector of an instant query: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string query)
    {
        using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(query));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => ((IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Queries until <paramref name="done"/> holds or <paramref name="timeout"/> passes (every 500 ms); returns the last result.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryUntilAsync(
        string query, Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> result = [];
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"prometheus exited with {_process.ExitCode}");
            try
            {
                result = await QueryAsync(query);
                if (done(result)) return result;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* a slow answer: ask again */ }
            await Task.Delay(500);
        }
        return result;
    }

    /// <summary>Each loaded rule's name and health ("ok", "err", "unknown").</summary>
    public async Task<IReadOnlyDictionary<string, string>> RuleHealthAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("api/v1/rules"));
        return json.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("health").GetString()!);
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            _directory.Delete(recursive: true);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
