namespace HaLbDeploy.Cli.Output;

/// <summary>The control host's probe of the VIP in verify's JSON.</summary>
public sealed record VerifyJsonProbe(string Target, bool Connected, bool TlsEstablished, int? HttpStatus, bool Serves, string? Failure, double? ConnectMs, double ElapsedMs);
