namespace HaLbDeploy.Integration.Tests.Lab;

/// <summary>One host of the test lab: an LB node (lb1..) or a fake API server (api1..).</summary>
public sealed record LabHost(string Name, string Address);
