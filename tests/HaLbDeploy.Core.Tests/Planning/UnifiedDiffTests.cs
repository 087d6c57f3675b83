using System.Diagnostics;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Tests.Planning;

public sealed class UnifiedDiffTests
{
    private const string Old = "global\n  log /dev/log local0\ndefaults\n  mode tcp\nbackend b\n  server m1 10.0.0.21:6443 check\n  server m2 10.0.0.22:6443 check\n";
    private const string New = "global\n  log /dev/log local0\ndefaults\n  mode tcp\nbackend b\n  server m1 10.0.0.21:6443 check\n  server m3 10.0.0.23:6443 check\n";

    [Fact]
    public void A_diff_names_the_file_and_shows_removed_and_added_lines()
    {
        var diff = UnifiedDiff.Between(Old, New, "/etc/haproxy/haproxy.cfg");

        Assert.StartsWith("--- a/etc/haproxy/haproxy.cfg\n+++ b/etc/haproxy/haproxy.cfg\n", diff);
        Assert.Contains("\n-  server m2 10.0.0.22:6443 check\n", diff);
        Assert.Contains("\n+  server m3 10.0.0.23:6443 check\n", diff);
        Assert.Equal((1, 1), UnifiedDiff.Count(diff));
    }

    [Fact]
    public void A_diff_applies_cleanly_with_gnu_patch()
    {
        var dir = Directory.CreateTempSubdirectory("halb-diff-");
        try
        {
            var file = Path.Combine(dir.FullName, "haproxy.cfg");
            File.WriteAllText(file, Old);
            var start = new ProcessStartInfo("patch", ["--batch", "--forward", file]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            using var patch = Process.Start(start)!;
            patch.StandardInput.Write(UnifiedDiff.Between(Old, New, "/haproxy.cfg"));
            patch.StandardInput.Close();
            var output = patch.StandardOutput.ReadToEnd() + patch.StandardError.ReadToEnd();
            patch.WaitForExit();

            Assert.True(patch.ExitCode == 0, output);
            Assert.Equal(New, File.ReadAllText(file));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
