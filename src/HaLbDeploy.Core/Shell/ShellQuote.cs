namespace HaLbDeploy.Core.Shell;

/// <summary>Quotes text for POSIX sh so that the shell passes it on as exactly one word, unchanged.</summary>
public static class ShellQuote
{
    /// <summary>
    /// Wraps <paramref name="text"/> in single quotes; each embedded single quote becomes '\'' (close, escaped
    /// quote, reopen). Nothing is special inside single quotes, so $, `, \, spaces and newlines stay literal.
    /// </summary>
    /// <exception cref="ArgumentException">The text contains a NUL character, which no shell word can hold.</exception>
    public static string Single(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0')) throw new ArgumentException("a shell word cannot contain a NUL character", nameof(text));
        return "'" + text.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// A word for a command line shown to a person: left bare when no character of it is special to the shell
    /// (letters, digits and . / _ - : ~ only), so that hints read as typed; quoted by <see cref="Single"/> otherwise.
    /// </summary>
    public static string ForDisplay(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '_' or '-' or ':' or '~') ? text : Single(text);
    }
}
