namespace HaLbDeploy.Core.Status;

/// <summary>`status`'s answer: who holds the VIP since when, how often it moved, and every node's view.</summary>
public sealed record TierStatusReport
{
    public required DateTimeOffset At { get; init; }

    public required string Vip { get; init; }

    public required IReadOnlyList<string> VipHolders { get; init; }

    /// <summary>When the single holder took the VIP (its last MASTER transition); null without one holder or without its log.</summary>
    public DateTimeOffset? HolderSince { get; init; }

    /// <summary>Transitions into MASTER on all nodes in the last hour and day: how often the VIP moved.</summary>
    public int VipMovesLastHour { get; init; }

    public int VipMovesLastDay { get; init; }

    public required IReadOnlyList<NodeTierStatus> Nodes { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public bool Healthy => Problems.Count == 0;

    public string Summary => Healthy
        ? $"status: healthy ({VipHolders[0]} holds the VIP; it moved {VipMovesLastHour} time(s) in the last hour)"
        : $"status: {Problems.Count} problem(s)";
}
