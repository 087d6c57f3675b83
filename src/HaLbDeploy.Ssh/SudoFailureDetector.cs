using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Ssh;

/// <summary>
/// Recognises sudo's own refusals in a result. When sudo refuses, the script never ran and standard error holds
/// only sudo's words, so a refusal is only recognised when standard error starts with them.
/// </summary>
public static class SudoFailureDetector
{
    public static SudoFailure? Detect(int exitCode, string standardError)
    {
        var error = standardError.TrimStart();
        if (exitCode == 127 && (error.Contains("sudo: command not found", StringComparison.Ordinal) || error.Contains("sudo: not found", StringComparison.Ordinal)))
            return SudoFailure.NotInstalled;
        if (exitCode != 1) return null;
        var fromSudo = error.StartsWith("sudo: ", StringComparison.Ordinal) || error.StartsWith("Sorry, try again.", StringComparison.Ordinal);
        if (!fromSudo) return null;
        if (error.Contains("incorrect password attempt", StringComparison.Ordinal) || error.StartsWith("Sorry, try again.", StringComparison.Ordinal))
            return SudoFailure.PasswordIncorrect;
        if (error.Contains("a password is required", StringComparison.Ordinal) || error.Contains("no password was provided", StringComparison.Ordinal))
            return SudoFailure.PasswordRequired;
        if (error.Contains("you must have a tty to run sudo", StringComparison.Ordinal))
            return SudoFailure.TerminalRequired;
        if (error.Contains("is not in the sudoers file", StringComparison.Ordinal) || error.Contains("is not allowed to", StringComparison.Ordinal)
            || error.Contains("may not run sudo", StringComparison.Ordinal))
            return SudoFailure.NotPermitted;
        return null;
    }

    /// <summary>A message that says what to change. It names the password's variable, never its value.</summary>
    public static string Explain(SudoFailure failure, SshSettings settings) => failure switch
    {
        SudoFailure.PasswordRequired =>
            $"sudo wants a password for user {settings.User}: set ssh.become_password_env to the name of an environment variable holding it, " +
            $"or give {settings.User} a NOPASSWD sudo rule (the script did not run)",
        SudoFailure.PasswordIncorrect =>
            $"sudo rejected the password from env {settings.BecomePasswordEnv ?? "(none)"} for user {settings.User} (the script did not run)",
        SudoFailure.NotPermitted =>
            $"user {settings.User} may not use sudo on this node: add a sudoers rule, or log in as root (the script did not run)",
        SudoFailure.NotInstalled =>
            "sudo is not installed on this node: install it, or log in as root with become: false (the script did not run)",
        SudoFailure.TerminalRequired =>
            $"sudo on this node requires a terminal for user {settings.User} (`Defaults requiretty` in /etc/sudoers or /etc/sudoers.d/), " +
            $"and halb-deploy runs without one: allow {settings.User} with the line `Defaults:{settings.User} !requiretty` (add it with visudo), " +
            "or log in as root (the script did not run)",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
