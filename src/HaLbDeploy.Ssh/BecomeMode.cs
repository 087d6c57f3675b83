namespace HaLbDeploy.Ssh;

public enum BecomeMode
{
    /// <summary>The login user runs the script itself (normally root).</summary>
    None,

    /// <summary>sudo without a password (NOPASSWD); fails at once if sudo wants one.</summary>
    SudoWithoutPassword,

    /// <summary>sudo reading the password from the first line of standard input.</summary>
    SudoWithPassword,
}
