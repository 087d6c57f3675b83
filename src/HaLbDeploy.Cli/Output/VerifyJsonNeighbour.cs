namespace HaLbDeploy.Cli.Output;

/// <summary>This machine's ARP entry for the VIP in verify's JSON: the hardware address, the local device, and the LB node that has it (null: none).</summary>
public sealed record VerifyJsonNeighbour(string LinkLayerAddress, string Device, string? Node);
