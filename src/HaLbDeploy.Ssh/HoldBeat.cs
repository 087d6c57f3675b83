namespace HaLbDeploy.Ssh;

/// <summary>What a held command is sent on its standard input to stay alive: <see cref="Byte"/> every <see cref="Interval"/>.</summary>
internal sealed record HoldBeat(byte Byte, TimeSpan Interval);
