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
}
