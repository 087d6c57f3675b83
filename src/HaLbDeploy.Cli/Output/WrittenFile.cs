namespace HaLbDeploy.Cli.Output;

/// <summary>One file `render` wrote, its report: the node, its path on the node, where it went here, its mode and digest.</summary>
/// <param name="Sha256">Null for a file that carries the secret: an unsalted digest of it can be checked against guesses offline.</param>
public sealed record WrittenFile(string Node, string Path, string LocalPath, string Mode, string? Sha256, bool CarriesSecret);
