using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Ssh;

/// <summary>
/// When a sudo password is configured, finds out at connect time whether sudo wants it, and whether it is right, so
/// that a wrong password fails the connect before any script. A node whose sudo needs no password gets `sudo -n`, and
/// the password never leaves this machine. Both probes use `sudo -k`: credentials another session cached
/// (timestamp_type=global) neither hide that sudo wants a password nor let a wrong one pass. Safety does not rest on
/// the probe: a password sudo leaves unread is discarded on the node (see <see cref="RemoteShellCommand"/>).
/// </summary>
internal static class SudoModeProbe
{
    public const string NeedsPasswordProbe = "sudo -k -n true";
    public const string PasswordCheck = "sudo -k -S -p '' -- true";

    public static async Task<RemoteShellCommand> ChooseAsync(IRemoteShell shell, LbNode node, Secret? becomePassword, CancellationToken cancellationToken)
    {
        var wanted = RemoteShellCommand.For(node.Ssh);
        if (wanted.Mode != BecomeMode.SudoWithPassword || becomePassword is null) return wanted;

        var probe = await shell.ExecuteAsync(NeedsPasswordProbe, ReadOnlyMemory<byte>.Empty, cancellationToken);
        if (probe.ExitStatus == 0) return new RemoteShellCommand(BecomeMode.SudoWithoutPassword);
        var failure = SudoFailureDetector.Detect(probe.ExitStatus ?? -1, probe.StandardError);
        if (failure != SudoFailure.PasswordRequired) throw Refusal(node, failure, probe);

        var input = System.Text.Encoding.UTF8.GetBytes(becomePassword.Reveal() + "\n");
        try
        {
            var check = await shell.ExecuteAsync(PasswordCheck, input, cancellationToken);
            if (check.ExitStatus == 0) return wanted;
            throw Refusal(node, SudoFailureDetector.Detect(check.ExitStatus ?? -1, check.StandardError), check);
        }
        finally
        {
            Array.Clear(input);
        }
    }

    private static HostConnectionException Refusal(LbNode node, SudoFailure? failure, RemoteCommandResult result) =>
        new(node.Name, failure is { } known
            ? SudoFailureDetector.Explain(known, node.Ssh)
            : $"checking sudo for user {node.Ssh.User} failed with exit {result.ExitStatus?.ToString() ?? "signal " + result.ExitSignal}: {FirstLine(result.StandardError)}");

    private static string FirstLine(string text) => text.Trim().Split('\n')[0];
}
