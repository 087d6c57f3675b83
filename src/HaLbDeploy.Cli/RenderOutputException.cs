namespace HaLbDeploy.Cli;

/// <summary>render's --out cannot take the files: not a directory, a link inside it, something in the way. Bad input: exit 2.</summary>
public sealed class RenderOutputException(string message, Exception? inner = null) : Exception(message, inner);
