namespace HaLbDeploy.Ssh;

/// <summary>Why sudo refused to start the script (the script did not run).</summary>
public enum SudoFailure
{
    /// <summary>"sudo: a password is required": sudo -n and no NOPASSWD rule.</summary>
    PasswordRequired,

    /// <summary>"Sorry, try again." / "incorrect password attempts".</summary>
    PasswordIncorrect,

    /// <summary>"is not in the sudoers file" / "is not allowed to execute" / "may not run sudo".</summary>
    NotPermitted,

    /// <summary>The node has no sudo command.</summary>
    NotInstalled,

    /// <summary>"sorry, you must have a tty to run sudo": sudoers says `Defaults requiretty`.</summary>
    TerminalRequired,
}
