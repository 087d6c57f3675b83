namespace HaLbDeploy.Cli.Output;

/// <summary>The JSON shape of one file written by `render`.</summary>
public sealed record RenderedFileReport(string Node, string Path, string LocalPath, string Mode, string Sha256);
