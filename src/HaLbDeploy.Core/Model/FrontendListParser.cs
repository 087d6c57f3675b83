using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads `frontends:` and the `backend_sets:` they may share. A frontend's `backends:` is either its own list or the
/// name of a set; a backend without `port:` gets its frontend's port, so one set of control-plane nodes serves 6443
/// and 9345 alike. Everything else of a frontend defaults to what the shorthand renders (https check of /readyz,
/// roundrobin, the top-level timeouts).
/// </summary>
internal sealed class FrontendListParser(
    ProblemCollector problems,
    Func<YamlSection, int, Backend> parseBackend,
    Func<YamlSection?, bool, HealthCheck> parseHealthCheck,
    Action<string, string> checkName)
{
    /// <summary>A backend of a set, whose port is the referring frontend's unless written.</summary>
    private sealed record SetMember(Backend Backend, bool PortWritten);

    private sealed record BackendSet(string Name, string Field, IReadOnlyList<SetMember> Members);

    public IReadOnlyList<Frontend> Parse(YamlSection doc)
    {
        var sets = doc.List("backend_sets").Select(ParseSet).ToList();
        var entries = doc.List("frontends");
        if (entries.Count == 0 && !problems.HasErrorAt("frontends"))
            problems.Error("no-frontends", "frontends", "lists no frontend", "list at least one frontend with name, port and backends, e.g. `- name: kube-apiserver` `port: 6443` `backends: controllers`");
        var frontends = entries.Select((entry, i) => ParseFrontend(entry, i, sets)).ToList();
        foreach (var unused in sets.Where(s => s.Name.Length > 0 && !frontends.Any(f => f.BackendSet == s.Name)))
            problems.Warning("unused-backend-set", unused.Field, $"backend set {ShownText.Quote(unused.Name)} is used by no frontend", $"write `backends: {unused.Name}` in a frontend, or remove the set");
        return frontends;
    }

    private BackendSet ParseSet(YamlSection section, int index)
    {
        var name = section.String("name", required: true, fix: "add `name: controllers` (frontends refer to the set by it: `backends: controllers`)") ?? "";
        checkName(section.FieldPath("name"), name);
        var members = section.List("backends", required: true, fix: "add a `backends:` list (name, address, and port unless it is the frontend's)")
            .Select(b => new SetMember(parseBackend(b, 0), b.Has("port")))
            .ToList();
        if (members.Count == 0 && !problems.HasErrorAt(section.FieldPath("backends")))
            problems.Error("no-backends", section.FieldPath("backends"), "lists no backend", "list the servers with name and address");
        section.RejectUnknownKeys();
        return new BackendSet(name, $"backend_sets[{index}]", members);
    }

    private Frontend ParseFrontend(YamlSection section, int index, IReadOnlyList<BackendSet> sets)
    {
        var name = section.String("name", required: true, fix: "add `name: kube-apiserver` (haproxy's section name; letters, digits, - and _)") ?? "";
        checkName(section.FieldPath("name"), name);
        var port = section.Int("port", required: true, fix: "add `port: 6443` (the TCP port clients connect to on the VIP)") ?? 0;
        var (backends, setName, backendsField) = ParseBackends(section, port, sets);
        var healthCheck = parseHealthCheck(section.Section("health_check"), true);
        var balance = section.String("balance") switch
        {
            null or "roundrobin" => BalanceAlgorithm.RoundRobin,
            "leastconn" => BalanceAlgorithm.LeastConn,
            "source" => BalanceAlgorithm.Source,
            var other => Invalid(section.FieldPath("balance"), $"{ShownText.Quote(other)} is not a balance algorithm",
                "write `balance: roundrobin` (the default), `balance: leastconn` (long-lived streams) or `balance: source` (a client sticks to one server)", BalanceAlgorithm.RoundRobin),
        };
        var timeouts = ParseTimeouts(section.Section("timeouts"));
        var sendProxy = section.Bool("send_proxy_v2") ?? false;
        var vip = section.String("vip");
        section.RejectUnknownKeys();
        return new Frontend(name, port, backends, setName, healthCheck, balance, timeouts, sendProxy, FrontendFields.Listed(index, backendsField), vip);
    }

    /// <summary>The frontend's own list, or the members of the set its `backends:` names, each with the frontend's port unless written.</summary>
    private (IReadOnlyList<Backend> Backends, string? Set, string Field) ParseBackends(YamlSection section, int port, IReadOnlyList<BackendSet> sets)
    {
        var field = section.FieldPath("backends");
        if (!section.HoldsScalar("backends"))
        {
            var own = section.List("backends", required: true, fix: "add `backends:`: a list (name, address, port) or the name of an entry of `backend_sets:`")
                .Select(b => parseBackend(b, port)).ToList();
            if (own.Count == 0 && !problems.HasErrorAt(field))
                problems.Error("no-backends", field, "lists no backend", "list the servers with name and address, or name a backend set");
            return (own, null, field);
        }
        var name = section.String("backends") ?? "";
        var set = sets.FirstOrDefault(s => s.Name == name);
        if (set is null)
        {
            var known = sets.Where(s => s.Name.Length > 0).Select(s => s.Name).ToList();
            problems.Error("unknown-backend-set", field, $"{ShownText.Quote(name)} names no entry of `backend_sets:`",
                known.Count == 0 ? "add a `backend_sets:` list with an entry `- name: " + name + "` and its `backends:`, or list the backends here"
                    : $"use one of: {string.Join(", ", known)}" + (DidYouMean.Suggest(name, known) is { } meant ? $" (did you mean `{meant}`?)" : ""));
            return ([], name, field);
        }
        var backends = set.Members.Select(m => m.PortWritten ? m.Backend : m.Backend with { Port = port }).ToList();
        return (backends, set.Name, set.Field + ".backends");
    }

    private static FrontendTimeouts ParseTimeouts(YamlSection? section)
    {
        if (section is null) return FrontendTimeouts.Inherited;
        var timeouts = new FrontendTimeouts(section.Duration("connect", "5s"), section.Duration("client", "15m"), section.Duration("server", "15m"));
        section.RejectUnknownKeys();
        return timeouts;
    }

    private T Invalid<T>(string field, string message, string fix, T fallback)
    {
        problems.Error("bad-value", field, message, fix);
        return fallback;
    }
}
