using System.Globalization;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// Where the frontends listen (issue #16: ports unique per VIP). A frontend without `vip:` binds *:PORT, which takes the
/// port on every address of the node, so no other frontend may use it; a frontend with `vip:` binds that VIP's
/// addresses only, so two frontends share a port when both name a VIP and the VIPs differ. `vip:` must name an entry
/// of `vips:`, which must be written.
/// </summary>
internal sealed class FrontendBindingValidator(ProblemCollector problems)
{
    public void Validate(Inventory inventory)
    {
        foreach (var frontend in inventory.Frontends) CheckVipName(inventory, frontend);
        CheckPorts(inventory.Frontends);
    }

    private void CheckVipName(Inventory inventory, Frontend frontend)
    {
        var field = frontend.Fields.Frontend + ".vip";
        if (frontend.Vip is not { } name || problems.HasErrorAt(field)) return;
        if (inventory.VipList is null)
        {
            problems.Error("vip-without-vips", field, $"binds the frontend to the VIP {ShownText.Quote(name)}, but the inventory has no `vips:` list to name it",
                "write the VIPs as entries of `vips:` (each with a `name:`) and name one here, or remove `vip:` to bind *:PORT on every address");
            return;
        }
        var known = inventory.VipList.Select(v => v.Name).Where(n => n.Length > 0).ToList();
        // An empty list is reported as `no-vips` already.
        if (known.Count == 0 || known.Contains(name, StringComparer.Ordinal)) return;
        problems.Error("unknown-vip", field, $"{ShownText.Quote(name)} names no entry of `vips:`",
            $"use one of: {string.Join(", ", known)}" + (DidYouMean.Suggest(name, known) is { } meant ? $" (did you mean `{meant}`?)" : "") + ", or remove `vip:` to bind *:PORT on every address");
    }

    /// <summary>Each frontend's port against the earlier frontends', reported at the later one and pointing at the first it clashes with.</summary>
    private void CheckPorts(IReadOnlyList<Frontend> frontends)
    {
        for (var i = 1; i < frontends.Count; i++)
        {
            var frontend = frontends[i];
            if (problems.HasErrorAt(frontend.Fields.Port)) continue;
            var first = frontends.Take(i).FirstOrDefault(f => f.Port == frontend.Port && !problems.HasErrorAt(f.Fields.Port) && Clash(f, frontend));
            if (first is null) continue;
            var port = frontend.Port.ToString(CultureInfo.InvariantCulture);
            var at = $"frontend port '{port}' is already used at line {problems.SourceMap.Find(first.Fields.Port).Line}";
            if (first.Vip is null && frontend.Vip is null)
                problems.Error("duplicate", frontend.Fields.Port, at, "give every frontend its own port: haproxy binds each on *:PORT (or bind each to its own VIP of `vips:` with `vip:`)");
            else if (first.Vip == frontend.Vip)
                problems.Error("duplicate", frontend.Fields.Port, $"{at} by frontend {first.Name} on the same VIP {first.Vip}", "give the frontend another port, or bind it to another VIP");
            else
                problems.Error("duplicate", frontend.Fields.Port, $"{at} by frontend {first.Name}; {(first.Vip is null ? first.Name : frontend.Name)} has no `vip:` and binds *:{port}, every address of the node",
                    $"give the frontend another port, or bind both frontends to different VIPs with `vip:`");
        }
    }

    /// <summary>Two frontends on one port clash unless each is bound to a VIP of its own.</summary>
    private static bool Clash(Frontend a, Frontend b) => a.Vip is null || b.Vip is null || a.Vip == b.Vip;
}
