using HaLbDeploy.Architecture.Tests.Violations;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Architecture.Tests;

public sealed class CoreIsPureTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Inventory).Assembly;

    [Fact]
    public void Core_touches_no_process_socket_file_folder_console_environment_timer_stopwatch_or_ssh()
    {
        var found = PureCoreRules.ForbiddenTypeUses(Core, "HaLbDeploy.Core");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Core_neither_starts_work_on_the_thread_pool_nor_waits()
    {
        var found = PureCoreRules.ForbiddenMethodCalls(Core.Location, "HaLbDeploy.Core");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void Core_references_no_other_project_of_ours_and_not_ssh_net()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(references, name => name!.StartsWith("HaLbDeploy.", StringComparison.Ordinal) || name == "halb-deploy" || name!.StartsWith("Renci.", StringComparison.Ordinal) || name == "Serilog");
    }

    [Fact]
    public void The_type_rule_fails_on_deliberate_violations_naming_each_type_and_what_it_touched()
    {
        var found = PureCoreRules.ForbiddenTypeUses(typeof(ReadsAFile).Assembly, typeof(ReadsAFile).Namespace!);

        Assert.Equal(
        [
            $"{typeof(ReadsAFile).FullName}: Has dependency on: System.IO.File",
            $"{typeof(StartsAProcess).FullName}: Has dependency on: System.Diagnostics.Process",
            $"{typeof(TimesWithAStopwatch).FullName}: Has dependency on: System.Diagnostics.Stopwatch",
        ], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_method_rule_fails_on_deliberate_violations()
    {
        var found = PureCoreRules.ForbiddenMethodCalls(typeof(ReadsAFile).Assembly.Location, typeof(ReadsAFile).Namespace!);

        var type = typeof(StartsWorkOnTheThreadPool).FullName;
        Assert.Equal(
        [
            $"{type}.ReadsTheEnvironment calls System.Environment::GetEnvironmentVariable",
            $"{type}.Run calls System.Threading.Tasks.Task::Run",
        ], found.Order(StringComparer.Ordinal));
    }
}
