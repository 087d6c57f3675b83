namespace HaLbDeploy.Runtime.Tests.Apply;

/// <summary>One script a run asked a simulated node to run: its description and text, whether it may change the node, and whether the caller could still cancel it.</summary>
public sealed record RemoteCall(string Node, string Description, string Script, bool IsChange, bool Cancellable)
{
    public override string ToString() => $"{Node}: {(IsChange ? "change" : "read")} {Description}";
}
