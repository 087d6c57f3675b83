using System.Globalization;
using System.Net;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// A read-only sampler that runs on a node for a bounded time and prints, every interval, the node's clock and
/// whether any interface carries the VIP: `date +%s%N` and `ip -o -4 addr show` (`-6` for an IPv6 VIP), matched by a shell `case` on
/// <see cref="VipHolding.ShellNeedle"/>, the shell form of the rule the other readers use (three
/// small processes per sample, about 5 ms; one under bash, see <see cref="BashClockAndPause"/>). Sampling on the node, with the node's own timestamps, is far more
/// precise than asking over SSH each time (an exec costs a session setup); the output comes back when the run
/// ends, which is fine because the analysis happens afterwards. It also prints when keepalived's main process
/// started (from /proc: start ticks against /proc/uptime), so a failback after a reboot can be measured from
/// there. Stops by itself after the duration (and a hard cap on samples); exits 0.
/// </summary>
public static class VipSamplerScript
{
    public const string Description = "sample VIP holder";

    public static string Build(IPAddress vip, TimeSpan duration, TimeSpan interval)
    {
        var durationNs = (long)duration.TotalMilliseconds * 1_000_000L;
        var maxSamples = (int)Math.Ceiling(duration / interval) + 10;
        var sleep = interval.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return ScriptKit.AsFunction("halb_sampler", ScriptKit.ReadPrelude + $$"""
            halb_vip={{ScriptKit.Quote(VipHolding.ShellNeedle(vip))}}
            halb_now=$(date +%s%N)
            halb_end=$((halb_now + {{durationNs.ToString(CultureInfo.InvariantCulture)}}))
            echo "@@halb sampler 1 $halb_now"
            halb_pid=$(systemctl show -p MainPID keepalived.service 2>/dev/null | cut -d= -f2)
            if [ -n "$halb_pid" ] && [ "$halb_pid" != 0 ] && [ -r "/proc/$halb_pid/stat" ] && read -r halb_up _ < /proc/uptime; then
              halb_stat=$(cat "/proc/$halb_pid/stat" 2>/dev/null)
              halb_rest=${halb_stat##*) }
              set -- $halb_rest
              shift 19
              halb_hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
              halb_up_ms=$(( ${halb_up%.*} * 1000 + (1${halb_up#*.} - 100) * 10 ))
              echo "keepalived-started $(( halb_now / 1000000 - halb_up_ms + $1 * 1000 / halb_hz ))"
            else
              echo 'keepalived-started -'
            fi
            halb_loop={{ScriptKit.Quote(Loop(vip, maxSamples))}}
            if command -v bash >/dev/null 2>&1; then
              bash -c {{ScriptKit.Quote(BashClockAndPause(sleep))}}"$halb_loop" halb_sampler "$halb_vip" "$halb_end"
            else
              halb_clock() { halb_t=$(date +%s%N); }
              halb_pause() { sleep {{sleep}}; }
              set -- "$halb_vip" "$halb_end"
              eval "$halb_loop"
            fi
            echo '{{ScriptMarkers.End}}'

            """) + ScriptKit.ExitZero;
    }

    /// <summary>
    /// The sampling loop (arguments: the needle, the end in epoch nanoseconds), the same text for sh and for bash;
    /// each shell brings its own <c>halb_clock</c> (sets <c>halb_t</c>) and <c>halb_pause</c>.
    /// </summary>
    private static string Loop(IPAddress vip, int maxSamples) => $$"""
        halb_n=0
        while [ "$halb_n" -lt {{maxSamples.ToString(CultureInfo.InvariantCulture)}} ]; do
          halb_clock
          [ "$halb_t" -lt "$2" ] || break
          case "$(ip -o {{Family(vip)}} addr show 2>/dev/null)" in
            *"$1"*) echo "s $halb_t 1" ;;
            *) echo "s $halb_t 0" ;;
          esac
          halb_n=$((halb_n + 1))
          halb_pause
        done

        """;

    /// <summary>
    /// bash's clock and pause: <c>$EPOCHREALTIME</c> (bash 5; `date` on older ones) and <c>read -t</c> on a pipe
    /// nobody writes to (`sleep` when bash cannot open one), so each sample starts one process (`ip`) instead of
    /// three. With several loops on one node at 20 Hz (both halves of a dual-stack pair, an observer beside
    /// failover-test) the process starts were what kept a small node's CPUs busy.
    /// </summary>
    private static string BashClockAndPause(string sleep) => $$"""
        if [ -n "${EPOCHREALTIME:-}" ]; then halb_clock() { halb_t=${EPOCHREALTIME/[.,]/}000; }; else halb_clock() { halb_t=$(date +%s%N); }; fi
        if { exec 9<> <(:); } 2>/dev/null; then halb_pause() { read -r -t {{sleep}} -u 9 _; }; else halb_pause() { sleep {{sleep}}; }; fi

        """;

    /// <summary>The `ip` option of the VIP's family: -4, or -6 for an IPv6 address (the other half of a dual-stack pair).</summary>
    private static string Family(IPAddress vip) => vip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "-6" : "-4";

    /// <summary>Tolerant: lines it cannot read are skipped; never throws.</summary>
    public static SamplerOutput Parse(string output)
    {
        long? keepalived = null;
        var samples = new List<RawHolderSample>();
        var complete = false;
        foreach (var raw in (output ?? "").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == ScriptMarkers.End) complete = true;
            else if (line.StartsWith("keepalived-started ", StringComparison.Ordinal))
                keepalived = long.TryParse(line["keepalived-started ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : null;
            else if (line.StartsWith("s ", StringComparison.Ordinal))
            {
                var words = line.Split(' ');
                if (words.Length == 3 && words[1].Length >= 16 && long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ns) && words[2] is "0" or "1")
                    samples.Add(new RawHolderSample(ns, words[2] == "1"));
            }
        }
        return new SamplerOutput(keepalived, samples, complete);
    }
}
