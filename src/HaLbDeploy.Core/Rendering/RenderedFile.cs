namespace HaLbDeploy.Core.Rendering;

/// <summary>One file as it must exist on a node: its content and the ownership and mode to give it.</summary>
/// <param name="Path">Absolute path on the node, e.g. /etc/keepalived/keepalived.conf.</param>
/// <param name="Mode">Octal permission bits as written for chmod, e.g. "0640".</param>
/// <param name="ContainsSecret">The content holds a secret: never log it, print it or show it in a diff.</param>
public sealed record RenderedFile(string Path, string Content, string Mode, string Owner, string Group, bool ContainsSecret)
{
    /// <summary>Describes the file without its content, so a secret cannot leak through logging the record.</summary>
    public override string ToString() =>
        $"{Path} ({Mode} {Owner}:{Group}, {Content.Length} characters{(ContainsSecret ? ", contains a secret" : "")})";
}
