namespace HaLbDeploy.Core.Model;

/// <summary>
/// Where a frontend's values were written, as field paths for problems: "frontend" / "backends" / "health_check" for
/// the one-frontend shorthand, "frontends[1]" / "backend_sets[0].backends" / "frontends[1].health_check" in the list.
/// </summary>
public sealed record FrontendFields(string Frontend, string Port, string Backends, string HealthCheck)
{
    public static readonly FrontendFields Shorthand = new("frontend", "frontend.port", "backends", "health_check");

    public static FrontendFields Listed(int index, string backends) =>
        new($"frontends[{index}]", $"frontends[{index}].port", backends, $"frontends[{index}].health_check");
}
