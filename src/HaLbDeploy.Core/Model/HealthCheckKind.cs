namespace HaLbDeploy.Core.Model;

/// <summary>How haproxy checks a frontend's servers: a TLS GET (the API server's /readyz), a plain HTTP GET, or a TCP connect.</summary>
public enum HealthCheckKind
{
    Https,
    Http,
    Tcp,
}
