namespace HaLbDeploy.Cli.Output;

/// <summary>One file `render` wrote, its report: the node, its path on the node, where it went here, its mode and digest.</summary>
public sealed record WrittenFile(string Node, string Path, string LocalPath, string Mode, string Sha256);
