namespace HaLbDeploy.Ssh;

/// <summary>A command still running on a node with its standard input open; disposing it closes the input and the channel.</summary>
internal interface IHeldCommand : IAsyncDisposable
{
    /// <summary>Whether the command has ended on its own (the node let go, or the channel closed).</summary>
    bool HasEnded { get; }
}
