namespace HaLbDeploy.Ssh;

public enum BecomeMode
{
    /// <summary>The login user runs the script itself (normally root).</summary>
    None,

    /// <summary>sudo without a password (NOPASSWD, !authenticate); fails at once if sudo wants one, cached credentials ignored.</summary>
    SudoWithoutPassword,

    /// <summary>
    /// sudo reading the password from the first line of standard input; whatever it leaves unread is discarded up to
    /// a per-run marker line, never run (see <see cref="RemoteShellCommand"/>).
    /// </summary>
    SudoWithPassword,
}
