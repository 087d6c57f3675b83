using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>The inventory when it is usable (no errors), and every problem found, warnings included.</summary>
public sealed record InventoryLoadResult(Inventory? Inventory, IReadOnlyList<InventoryProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    public IEnumerable<InventoryProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<InventoryProblem> Warnings => Problems.Where(p => !p.IsError);
}
