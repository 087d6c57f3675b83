using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace HaLbDeploy.Architecture.Tests;

/// <summary>What the pure core may not touch, as rules that can be run on any assembly (and on a deliberate violation).</summary>
public static class PureCoreRules
{
    /// <summary>Types whose use means a side effect: processes, sockets, TLS, files and folders, the console, the environment, timers, clocks, SSH.</summary>
    public static readonly string[] ForbiddenTypes =
    [
        "System.Diagnostics.Process",
        "System.Diagnostics.ProcessStartInfo",
        "System.Net.Sockets",
        "System.Net.Security.SslStream",
        "System.Net.Http",
        "System.IO.File",
        "System.IO.FileInfo",
        "System.IO.FileStream",
        "System.IO.Directory",
        "System.IO.DirectoryInfo",
        "System.IO.RandomAccess",
        "System.IO.FileSystemWatcher",
        "System.Console",
        "System.Threading.PeriodicTimer",
        "System.Threading.Timer",
        "System.Threading.Thread",
        "System.Threading.ThreadPool",
        "System.Diagnostics.Stopwatch",
        "Renci.SshNet",
        "Serilog",
        "HaLbDeploy.Runtime",
        "HaLbDeploy.Ssh",
        "HaLbDeploy.Cli",
    ];

    /// <summary>
    /// Methods of types the core may use (Task, TaskFactory) that start or wait for work of their own, and every
    /// member of System.Environment: a type rule cannot ban that type, because the compiler's iterator state
    /// machines (yield return) call Environment.CurrentManagedThreadId, which reads nothing of the environment.
    /// </summary>
    public static readonly string[] ForbiddenMethods =
    [
        "System.Environment::*",
        "System.Threading.Tasks.Task::Run",
        "System.Threading.Tasks.Task::Delay",
        "System.Threading.Tasks.TaskFactory::StartNew",
        "System.Threading.Tasks.Task::Wait",
        "System.Threading.Tasks.Task::WaitAll",
        "System.Threading.Tasks.Task::WaitAny",
    ];

    /// <summary>"Type: forbidden dependency" for every type in <paramref name="assembly"/> (under <paramref name="namespacePrefix"/>) that uses a forbidden type.</summary>
    public static IReadOnlyList<string> ForbiddenTypeUses(Assembly assembly, string namespacePrefix)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(namespacePrefix)
            .ShouldNot().HaveDependencyOnAny(ForbiddenTypes).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}").ToList();
    }

    /// <summary>"Type.Method calls Task::Run" for every call to a forbidden method, method bodies of lambdas and state machines included.</summary>
    public static IReadOnlyList<string> ForbiddenMethodCalls(string assemblyPath, string namespacePrefix)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new List<string>();
        foreach (var type in AllTypes(module).Where(t => OuterMost(t).Namespace.StartsWith(namespacePrefix, StringComparison.Ordinal)))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj) || instruction.Operand is not MethodReference called) continue;
                    var name = $"{called.DeclaringType.FullName}::{called.Name}";
                    if (IsForbidden(called)) found.Add($"{type.FullName}.{method.Name} calls {name}");
                }
            }
        }
        return found;
    }

    private static bool IsForbidden(MethodReference called)
    {
        var type = called.DeclaringType.FullName;
        if (type == "System.Environment") return called.Name != "get_CurrentManagedThreadId";
        return ForbiddenMethods.Contains($"{type}::{called.Name}");
    }

    internal static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module) =>
        module.Types.SelectMany(t => new[] { t }.Concat(Nested(t)));

    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) =>
        type.NestedTypes.SelectMany(n => new[] { n }.Concat(Nested(n)));

    internal static TypeDefinition OuterMost(TypeDefinition type) => type.DeclaringType is null ? type : OuterMost(type.DeclaringType);
}
