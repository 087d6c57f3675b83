using System.Text;

namespace HaLbDeploy.Integration.Tests.Support;

/// <summary>
/// A writer that keeps everything written and, on the first line containing <paramref name="marker"/>, runs
/// <paramref name="onMarker"/> to its end before the writer returns: the run under test pauses right after that
/// progress line until the fault is in place.
/// </summary>
public sealed class LineWatcher(string marker, Func<Task> onMarker) : TextWriter
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public bool HasFired { get; private set; }

    public override void Write(char value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }
            var line = _line.ToString();
            _line.Clear();
            if (HasFired || !line.Contains(marker, StringComparison.Ordinal)) return;
            HasFired = true;
            Task.Run(onMarker).Wait(TimeSpan.FromMinutes(2));
        }
    }

    public override string ToString()
    {
        lock (_all) return _all.ToString();
    }
}
