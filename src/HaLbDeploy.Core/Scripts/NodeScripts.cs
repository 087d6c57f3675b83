using System.Text;
using HaLbDeploy.Core.Facts;
using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;
using HaLbDeploy.Core.Rendering;
using static HaLbDeploy.Core.Scripts.ScriptKit;

namespace HaLbDeploy.Core.Scripts;

/// <summary>
/// Turns a node plan into POSIX sh scripts, run as root with the text on stdin. Pure: tests check facts in,
/// commands out. Files are staged beside their target as PATH.halb-new (root-owned, mode set before any content
/// is written, under umask 077), validated there with the node's own haproxy/keepalived, and only then swapped
/// in by rename, with the old file kept as PATH.halb-bak until the units run on the new one.
/// </summary>
public static class NodeScripts
{
    public const string StagedSuffix = ".halb-new";
    public const string BackupSuffix = ".halb-bak";
    private const string Prelude = ChangePrelude;
    private const string Main = "halb_main";
    private const string CreatedSuffix = ".halb-created";

    /// <summary>The rendered keepalived.conf, kept aside while the holder takes the VIP with state MASTER.</summary>
    private const string TakeoverSuffix = ".halb-final";
    private const string FileMarker = ScriptMarkers.Prefix + "file ";
    private const string MissingMarker = ScriptMarkers.Prefix + "missing";

    /// <summary>The units apply manages, in the order it starts or reloads them.</summary>
    private static readonly string[] Units = ["haproxy", "keepalived"];

    /// <summary>Installs the missing packages with the node's package manager, non-interactively.</summary>
    public static string InstallPackages(PackageManager manager, IReadOnlyList<string> packages)
    {
        var names = string.Join(' ', packages.Select(Quote));
        var command = manager switch
        {
            PackageManager.Apt => $"export DEBIAN_FRONTEND=noninteractive\napt-get update -q\napt-get install -y -q -o Dpkg::Options::=--force-confold {names}",
            PackageManager.Dnf => $"dnf install -y -q {names}",
            PackageManager.Yum => $"yum install -y -q {names}",
            _ => throw new ArgumentException($"no package manager to install {names} with", nameof(manager)),
        };
        return Wrap(Prelude + "set -e\n" + command + "\n");
    }

    /// <summary>
    /// Writes pieces of package files into <see cref="PackageUpload.NodeDirectory"/>: the first piece of a file creates
    /// it, later pieces append. The first script of an upload (<paramref name="startFresh"/>) empties the directory.
    /// Exits <see cref="ScriptMarkers.ExitWriteFailed"/> when a piece cannot be written.
    /// </summary>
    public static string UploadPackagePieces(IReadOnlyList<PackagePieceContent> pieces, bool startFresh)
    {
        // Sized up front and filled line by line: a script carries megabytes of base64, built without intermediate copies.
        var base64Length = pieces.Sum(p => (p.Bytes.Length + 2) / 3 * 4 + (p.Bytes.Length + Base64LineBytes - 1) / Base64LineBytes);
        var script = new StringBuilder(base64Length + 1024 * (pieces.Count + 1));
        var dir = Quote(PackageUpload.NodeDirectory);
        script.Append(FunctionStart(Main)).Append(Prelude).Append("umask 022\n");
        if (startFresh)
            script.Append($"rm -rf {dir} && install -d -m 0755 -o root -g root {Quote(Path.GetDirectoryName(PackageUpload.NodeDirectory)!)} {dir} || exit {ScriptMarkers.ExitWriteFailed}\n");
        else
            script.Append($"[ -d {dir} ] || {{ echo 'the upload directory {PackageUpload.NodeDirectory} is gone' >&2; exit {ScriptMarkers.ExitWriteFailed}; }}\n");
        Span<char> line = stackalloc char[Base64LineBytes / 3 * 4];
        foreach (var (piece, bytes) in pieces)
        {
            var redirect = piece.StartsFile ? ">" : ">>";
            script.Append($"base64 -d {redirect} {Quote(PackageUpload.NodePath(piece.File))} <<'HALB_EOF' || exit {ScriptMarkers.ExitWriteFailed}\n");
            for (var at = 0; at < bytes.Length; at += Base64LineBytes)
            {
                Convert.TryToBase64Chars(bytes.Span.Slice(at, Math.Min(Base64LineBytes, bytes.Length - at)), line, out var written);
                script.Append(line[..written]).Append('\n');
            }
            script.Append("HALB_EOF\n");
        }
        script.Append($"echo '{ScriptMarkers.Done}'\n").Append(FunctionEnd(Main));
        return script.ToString();
    }

    /// <summary>
    /// Checks every uploaded package file against the digest computed on the control host, then installs them all
    /// in one transaction with the node's package manager, from the files alone: the node's repositories are not
    /// consulted, so every dependency must be among the files or installed already, and an air-gapped node never
    /// waits on a mirror it cannot reach. The directory is removed afterwards, whatever happened. A copy that differs
    /// is named on a "@@halb bad-digest NAME" line and the script exits <see cref="ScriptMarkers.ExitPackageDigestMismatch"/>
    /// without installing anything.
    /// </summary>
    public static string InstallPackageFiles(PackageManager manager, IReadOnlyList<PackageFile> files)
    {
        if (files.Count == 0) throw new ArgumentException("no package files to install", nameof(files));
        var paths = string.Join(' ', files.Select(f => Quote(PackageUpload.NodePath(f))));
        var command = manager switch
        {
            PackageManager.Apt => "DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold " +
                                  "-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/dev/null -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= " + paths,
            PackageManager.Dnf => $"dnf install -y -q --disablerepo='*' {paths}",
            PackageManager.Yum => $"yum localinstall -y -q --disablerepo='*' {paths}",
            _ => throw new ArgumentException($"no package manager to install {paths} with", nameof(manager)),
        };
        var dir = Quote(PackageUpload.NodeDirectory);
        var script = new StringBuilder(Prelude);
        script.Append("bad=0\n");
        foreach (var file in files)
        {
            var path = Quote(PackageUpload.NodePath(file));
            script.Append($"[ \"$(sha256sum {path} 2>/dev/null | cut -d' ' -f1)\" = '{file.Sha256}' ] || {{ echo {Quote(ScriptMarkers.BadDigest + file.FileName)}; bad=1; }}\n");
        }
        script.Append($"if [ \"$bad\" -ne 0 ]; then rm -rf {dir}; exit {ScriptMarkers.ExitPackageDigestMismatch}; fi\n");
        if (manager == PackageManager.Apt)
        {
            // apt marks every file named on its command line as installed by hand. The dependencies among them that
            // were not installed before are marked automatic again afterwards, as an install from a repository leaves
            // them, so that `apt-get autoremove` can take them away with keepalived and haproxy one day.
            script.Append("auto=''\n");
            foreach (var file in files)
            {
                script.Append($"p=$(dpkg-deb -f {Quote(PackageUpload.NodePath(file))} Package 2>/dev/null) && case \"$p\" in {string.Join('|', NodePlanner.Packages)}) ;; *) " +
                              "dpkg-query -W -f '${Status}' \"$p\" 2>/dev/null | grep -q ' installed$' || auto=\"$auto $p\" ;; esac\n");
            }
        }
        script.Append($"rc=0\n{command} || rc=$?\n");
        if (manager == PackageManager.Apt)
            script.Append("if [ \"$rc\" -eq 0 ] && [ -n \"$auto\" ]; then apt-mark auto $auto >/dev/null || true; fi\n");
        script.Append($"rm -rf {dir}\n");
        script.Append("exit \"$rc\"\n");
        return Wrap(script.ToString());
    }

    /// <summary>firewalld rules (runtime and permanent) and the SELinux boolean the plan asks for.</summary>
    public static string HostSettings(NodePlan plan)
    {
        var script = new StringBuilder(Prelude).Append("set -e\n");
        foreach (var change in plan.Of(ChangeKind.AllowFirewall, ChangeKind.RemoveFirewallRule))
        {
            var rule = change.Kind == ChangeKind.RemoveFirewallRule ? $"--remove-rich-rule={Quote(change.Target)}"
                : FirewallRules.IsOurs(change.Target) ? $"--add-rich-rule={Quote(change.Target)}"
                : $"--add-port={Quote(change.Target)}";
            var zone = $"$(firewall-cmd --get-zone-of-interface={Quote(plan.Node.Interface)} 2>/dev/null || firewall-cmd --get-default-zone)";
            script.Append($"zone={zone}\n");
            script.Append($"firewall-cmd -q --zone=\"$zone\" {rule}\n");
            script.Append($"firewall-cmd -q --permanent --zone=\"$zone\" {rule}\n");
        }
        if (plan.Of(ChangeKind.SetSelinuxBoolean).Any())
            script.Append("setsebool -P haproxy_connect_any 1\n");
        return Wrap(script.ToString());
    }

    /// <summary>
    /// Writes every file to PATH.halb-new and validates the new haproxy.cfg and keepalived.conf with the node's
    /// binaries. On any failure all staged files are removed and the script exits with
    /// <see cref="ScriptMarkers.ExitInvalidConfig"/> or <see cref="ScriptMarkers.ExitWriteFailed"/>: nothing live changed.
    /// </summary>
    public static string Stage(IReadOnlyList<RenderedFile> files)
    {
        var script = new StringBuilder(Prelude).Append("umask 077\n");
        script.Append("discard() {\n");
        foreach (var file in files) script.Append($"  rm -f {Quote(file.Path + StagedSuffix)} {Quote(file.Path + StagedSuffix + ".check")}\n");
        script.Append("}\n");
        foreach (var file in files)
        {
            var staged = Quote(file.Path + StagedSuffix);
            var dir = Path.GetDirectoryName(file.Path)!;
            script.Append($"[ -d {Quote(dir)} ] || install -d -m 0755 -o root -g root {Quote(dir)} || {{ discard; exit {ScriptMarkers.ExitWriteFailed}; }}\n");
            script.Append($"rm -f {staged}\n");
            // The file is created 0600 root by umask before the first byte: a secret is never readable by others.
            script.Append($"base64 -d > {staged} <<'HALB_EOF' || {{ discard; exit {ScriptMarkers.ExitWriteFailed}; }}\n");
            script.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(file.Content), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n"));
            script.Append("\nHALB_EOF\n");
            script.Append($"chown {Quote(file.Owner + ":" + file.Group)} {staged} && chmod {file.Mode} {staged} || {{ discard; exit {ScriptMarkers.ExitWriteFailed}; }}\n");
        }
        script.Append("invalid=0\n");
        foreach (var file in files)
        {
            var staged = file.Path + StagedSuffix;
            if (file.Path == NodePaths.HaproxyConfig)
                AppendValidationOfStagedSet(script, files, file.Path, HaproxyReferences, target => $"haproxy -c -q -f {Quote(target)}");
            else if (file.Path == NodePaths.KeepalivedConfig)
                AppendValidationOfStagedSet(script, files, file.Path, KeepalivedScripts, target => $"keepalived -t -f {Quote(target)}");
        }
        script.Append($"if [ \"$invalid\" -ne 0 ]; then discard; exit {ScriptMarkers.ExitInvalidConfig}; fi\n");
        script.Append($"rm -f {Quote(NodePaths.KeepalivedConfig + StagedSuffix + ".check")} {Quote(NodePaths.HaproxyConfig + StagedSuffix + ".check")}\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return Wrap(script.ToString());
    }

    /// <summary>Removes staged files of an aborted rollout.</summary>
    public static string Discard(IReadOnlyList<RenderedFile> files) =>
        Wrap(Prelude + string.Concat(files.Select(f => $"rm -f {Quote(f.Path + StagedSuffix)}\n")));

    /// <summary>
    /// Swaps the staged files in (backup, atomic rename), enables and starts or reloads the units the plan names,
    /// and waits up to <paramref name="activeTimeoutSeconds"/> for them to be active; then the backups are removed.
    /// If anything fails, the backups are renamed back, the units restarted on the old configuration, and the script exits with
    /// <see cref="ScriptMarkers.ExitRolledBack"/>. A haproxy reload counts only when a new worker appears: a
    /// master that fails to load the new file keeps its old workers while systemd still calls the reload done.
    /// </summary>
    /// <param name="takeover">
    /// The holder's switch in an identity cutover: keepalived starts the new group with state MASTER and priority
    /// 255 so that it takes the VIP at once instead of after a master-down interval; once the VIP is up here, the
    /// rendered file (state and priority as the inventory says) goes back and keepalived reloads into it, which keeps
    /// the MASTER state (the group is the same now).
    /// </param>
    public static string Activate(NodePlan plan, IReadOnlyList<int> frontendPorts, int activeTimeoutSeconds = 10, CutoverTakeover? takeover = null)
    {
        var files = plan.FilesToWrite;
        var touched = Units.Where(u => plan.Changes.Any(c => c.Target == u && c.Kind is ChangeKind.StartUnit or ChangeKind.ReloadUnit or ChangeKind.RestartUnit)).ToList();
        // A dropped connection must not cut the swap in half: sshd hangs up the session, so the script ignores
        // SIGHUP (and SIGPIPE on its now closed output) and runs to its end, finished or rolled back.
        var script = new StringBuilder(Prelude).Append("trap '' HUP PIPE\n");
        AppendRollback(script, files, touched, takeover is not null);
        foreach (var file in files) AppendSwap(script, plan, file);
        AppendSystemdReload(script, plan);

        var enable = plan.Of(ChangeKind.EnableUnit).Select(c => c.Target).ToList();
        if (enable.Count > 0) script.Append($"systemctl enable -q {string.Join(' ', enable)} || rollback\n");
        AppendWaitFunctions(script, activeTimeoutSeconds * 10);
        if (takeover is not null) AppendTakeoverStart(script);
        foreach (var unit in Units) AppendUnitAction(script, plan, unit);
        foreach (var unit in touched) script.Append($"wait_for 'systemctl is-active -q {unit}'\n");
        if (takeover is not null) AppendTakeoverEnd(script, takeover);
        if (touched.Contains("haproxy"))
        {
            foreach (var port in frontendPorts.Distinct())
                script.Append($"wait_for 'ss -ltn \"sport = :{port}\" 2>/dev/null | grep -q LISTEN'\n");
        }
        AppendRemovals(script, plan);
        // Only the rollback above needs the backups; kept, keepalived.conf's would hold the old secret on the node.
        foreach (var file in files) script.Append($"rm -f {Quote(file.Path + CreatedSuffix)} {Quote(file.Path + BackupSuffix)}\n");
        script.Append($"echo '{ScriptMarkers.Done}'\n");
        return Wrap(script.ToString());
    }

    /// <summary>Prints the current content of files as base64 sections, for diffs in plan.</summary>
    public static string ReadFiles(IEnumerable<string> paths)
    {
        var script = new StringBuilder(Prelude);
        foreach (var path in paths)
            script.Append($"echo '{FileMarker}{path}'\nif [ -f {Quote(path)} ]; then base64 {Quote(path)}; else echo '{MissingMarker}'; fi\necho '{ScriptMarkers.End}'\n");
        return Wrap(script.ToString());
    }

    /// <summary>Parses the output of <see cref="ReadFiles"/> into path → text.</summary>
    public static IReadOnlyDictionary<string, string> ParseFiles(string output)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var missing = false;
        var base64 = new StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(FileMarker, StringComparison.Ordinal)) { current = line[FileMarker.Length..]; base64.Clear(); missing = false; }
            else if (line == MissingMarker) missing = true;
            else if (line == ScriptMarkers.End && current is not null)
            {
                if (missing) { current = null; continue; }
                try { files[current] = Encoding.UTF8.GetString(Convert.FromBase64String(base64.ToString())); }
                catch (FormatException) { /* unreadable: no diff for this file */ }
                current = null;
            }
            else if (current is not null) base64.Append(line.Trim());
        }
        return files;
    }

    /// <summary>rollback(): puts the old files back, restarts the touched units on them and exits <see cref="ScriptMarkers.ExitRolledBack"/>.</summary>
    private static void AppendRollback(StringBuilder script, IReadOnlyList<RenderedFile> files, IReadOnlyList<string> touched, bool takeover)
    {
        script.Append("rollback() {\n");
        if (takeover) script.Append($"  rm -f {Quote(NodePaths.KeepalivedConfig + TakeoverSuffix)}\n");
        foreach (var file in files)
        {
            var live = Quote(file.Path);
            var backup = Quote(file.Path + BackupSuffix);
            script.Append($"  if [ -f {backup} ]; then mv -f {backup} {live}; elif [ -f {Quote(file.Path + CreatedSuffix)} ]; then rm -f {live}; fi\n");
            script.Append($"  rm -f {Quote(file.Path + CreatedSuffix)} {Quote(file.Path + StagedSuffix)}\n");
        }
        if (files.Any(f => NodePaths.IsSystemdUnitFile(f.Path))) script.Append("  systemctl daemon-reload\n");
        foreach (var unit in touched)
            script.Append($"  if [ -f {Quote(ConfigOf(unit))} ]; then systemctl restart {unit}; else systemctl stop {unit}; fi\n");
        script.Append($"  echo '{ScriptMarkers.RolledBack}'\n  exit {ScriptMarkers.ExitRolledBack}\n}}\n");
    }

    /// <summary>Puts one staged file in place (or, when only its owner or mode drifted, fixes those on the live file).</summary>
    private static void AppendSwap(StringBuilder script, NodePlan plan, RenderedFile file)
    {
        var live = Quote(file.Path);
        var staged = Quote(file.Path + StagedSuffix);
        var backup = Quote(file.Path + BackupSuffix);
        if (plan.Touches(ChangeKind.FixFileAttributes, file.Path))
        {
            script.Append($"chown {Quote(file.Owner + ":" + file.Group)} {live} && chmod {file.Mode} {live} || rollback\n");
            script.Append($"rm -f {staged}\n");
            return;
        }
        script.Append($"[ -f {staged} ] || {{ echo 'staged file {file.Path}{StagedSuffix} is missing' >&2; rollback; }}\n");
        script.Append($"if [ -e {live} ]; then cp -p {live} {backup} || rollback; else : > {Quote(file.Path + CreatedSuffix)}; fi\n");
        script.Append($"mv -f {staged} {live} || rollback\n");
        // On SELinux nodes a renamed file keeps the label of where it was made; give it its policy label
        // (the check script must be keepalived_unconfined_script_exec_t to run systemctl).
        script.Append($"if command -v restorecon >/dev/null 2>&1; then restorecon -F {live} 2>/dev/null || true; fi\n");
    }

    /// <summary>haproxy_workers() lists haproxy's worker pids; wait_for CONDITION polls every 0.1 s, <paramref name="ticks"/> times, then rolls back.</summary>
    private static void AppendWaitFunctions(StringBuilder script, int ticks)
    {
        script.Append("haproxy_workers() {\n  main=$(systemctl show -p MainPID haproxy 2>/dev/null | cut -d= -f2)\n  [ -n \"$main\" ] && [ \"$main\" != 0 ] && ps -o pid= --ppid \"$main\" 2>/dev/null | tr -d ' ' | sort | tr '\\n' ' '\n}\n");
        script.Append($"wait_for() {{\n  i=0\n  until eval \"$1\"; do\n    i=$((i + 1)); [ \"$i\" -le {ticks} ] || {{ echo \"timed out waiting for: $1\" >&2; rollback; }}\n    sleep 0.1\n  done\n}}\n");
    }

    /// <summary>
    /// A new or changed drop-in counts for systemd only after a daemon-reload, which comes before any unit starts
    /// or reloads. The track file is then set from haproxy's state now: a haproxy that already runs when the
    /// drop-in first lands has had no ExecStartPost to write it (a reload runs none either).
    /// </summary>
    private static void AppendSystemdReload(StringBuilder script, NodePlan plan)
    {
        var written = plan.Of(ChangeKind.CreateFile, ChangeKind.UpdateFile).Select(c => c.Target).ToList();
        if (!written.Any(NodePaths.IsSystemdUnitFile)) return;
        script.Append("systemctl daemon-reload || rollback\n");
        if (written.Contains(NodePaths.HaproxyTrackDropIn))
            script.Append($"if systemctl is-active -q haproxy; then echo 0; else echo 1; fi > {Quote(NodePaths.HaproxyDownFile)} || rollback\n");
    }

    /// <summary>
    /// Files the inventory no longer renders go once the units run on the new configuration: the old keepalived.conf
    /// a rollback would bring back still tracks the file the track drop-in writes, so the drop-in stays until then.
    /// </summary>
    private static void AppendRemovals(StringBuilder script, NodePlan plan)
    {
        var removed = plan.Of(ChangeKind.RemoveFile).Select(c => c.Target).ToList();
        foreach (var path in removed) script.Append($"rm -f {Quote(path)}\n");
        AppendAfterRemovals(script, removed);
    }

    /// <summary>
    /// What follows removing managed files, in an activation or a retirement: a drop-in's directory goes when it is
    /// empty, systemd forgets a removed unit file only on a daemon-reload, and the track drop-in's file goes with it.
    /// </summary>
    internal static void AppendAfterRemovals(StringBuilder script, IReadOnlyList<string> removed)
    {
        var unitFiles = removed.Where(NodePaths.IsSystemdUnitFile).ToList();
        foreach (var path in unitFiles) script.Append($"rmdir {Quote(Path.GetDirectoryName(path)!)} 2>/dev/null || true\n");
        if (unitFiles.Count > 0)
            script.Append("systemctl daemon-reload || echo 'systemctl daemon-reload failed after removing a drop-in' >&2\n");
        if (removed.Contains(NodePaths.HaproxyTrackDropIn)) script.Append($"rm -f {Quote(NodePaths.HaproxyDownFile)}\n");
    }

    private static void AppendUnitAction(StringBuilder script, NodePlan plan, string unit)
    {
        if (plan.Touches(ChangeKind.StartUnit, unit) || plan.Touches(ChangeKind.RestartUnit, unit))
        {
            script.Append($"systemctl restart {unit} || rollback\n");
        }
        else if (plan.Touches(ChangeKind.ReloadUnit, unit) && unit == "haproxy")
        {
            script.Append("before=$(haproxy_workers)\n");
            script.Append("systemctl reload haproxy || rollback\n");
            script.Append("wait_for 'now=$(haproxy_workers); [ -n \"$now\" ] && [ \"$now\" != \"$before\" ]'\n");
        }
        else if (plan.Touches(ChangeKind.ReloadUnit, unit))
        {
            script.Append($"systemctl reload {unit} || rollback\n");
        }
    }

    private static void AppendTakeoverStart(StringBuilder script)
    {
        var live = Quote(NodePaths.KeepalivedConfig);
        var final = Quote(NodePaths.KeepalivedConfig + TakeoverSuffix);
        script.Append($"cp -p {live} {final} || rollback\n");
        // keepalived 2 becomes MASTER at once only as the address owner (priority 255); any other priority, even with
        // state MASTER, first waits a master-down interval in the new group (measured on the lab: 3.6 s).
        script.Append($"sed -i -e 's/^\\([[:space:]]*state\\) BACKUP$/\\1 MASTER/' -e 's/^\\([[:space:]]*priority\\) [0-9]*$/\\1 255/' {live} || rollback\n");
    }

    private static void AppendTakeoverEnd(StringBuilder script, CutoverTakeover takeover)
    {
        script.Append($"vip_dev={Quote(takeover.Interface)}\n");
        script.Append($"wait_for 'ip -o addr show dev \"$vip_dev\" | grep -qF \" {takeover.Vip}/\"'\n");
        script.Append($"mv -f {Quote(NodePaths.KeepalivedConfig + TakeoverSuffix)} {Quote(NodePaths.KeepalivedConfig)} || rollback\n");
        script.Append("systemctl reload keepalived || rollback\n");
    }

    private static void AppendValidation(StringBuilder script, string livePath, string command)
    {
        script.Append($"if ! out=$({command} 2>&1); then\n  echo '{ScriptMarkers.Invalid}{livePath}'\n  printf '%s\\n' \"$out\"\n  invalid=1\nfi\n");
    }

    /// <summary>
    /// keepalived -t disables (and fails on) a track or notify script it cannot find, and haproxy -c loads the Lua file
    /// haproxy.cfg names. When such a file is staged too, the configuration is checked through a copy that points at
    /// the staged file, so the new set is what is validated.
    /// </summary>
    private static void AppendValidationOfStagedSet(StringBuilder script, IReadOnlyList<RenderedFile> files, string config,
        IReadOnlyList<string> references, Func<string, string> command)
    {
        var stagedConfig = config + StagedSuffix;
        var staged = references.Where(path => files.Any(f => f.Path == path)).ToList();
        var target = stagedConfig;
        if (staged.Count > 0)
        {
            target = stagedConfig + ".check";
            var edits = staged.Select(path => path.Replace("/", "\\/", StringComparison.Ordinal)).Select(from => $"-e 's/{from}\"/{from}{StagedSuffix}\"/' -e 's/{from}$/{from}{StagedSuffix}/'");
            script.Append($"sed {string.Join(' ', edits)} {Quote(stagedConfig)} > {Quote(target)}\n");
        }
        AppendValidation(script, config, command(target));
    }

    /// <summary>The scripts keepalived.conf names, which keepalived -t looks for.</summary>
    private static readonly string[] KeepalivedScripts = [NodePaths.HaproxyCheckScript, NodePaths.VrrpNotifyScript];

    /// <summary>The files haproxy.cfg names, which haproxy -c loads.</summary>
    private static readonly string[] HaproxyReferences = [NodePaths.HaproxyVrrpMetricsLua];

    /// <summary>The whole script runs as one function with stdin from /dev/null (see <see cref="ScriptKit.AsFunction"/>).</summary>
    private static string Wrap(string body) => AsFunction(Main, body);

    /// <summary>57 bytes make one 76-character base64 line, the width base64(1) writes.</summary>
    private const int Base64LineBytes = 57;

    private static string ConfigOf(string unit) => unit == "haproxy" ? NodePaths.HaproxyConfig : NodePaths.KeepalivedConfig;
}
