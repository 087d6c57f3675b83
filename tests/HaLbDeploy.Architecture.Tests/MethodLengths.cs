using Mono.Cecil;
using Mono.Cecil.Cil;

namespace HaLbDeploy.Architecture.Tests;

/// <summary>
/// How many source lines each method of an assembly spans, read from its debug symbols: from the first to the last
/// line any of its sequence points covers (in a Release build the opening brace has none, so a method counts from
/// its first statement to its closing brace). Code the compiler generates from attributes (regexes) does not count,
/// and neither do field and property initializers, which the compiler writes into the constructors. The bodies of lambdas, local functions, async methods and iterators are
/// compiled into methods of their own, so each is counted where the compiler put it; a method written around a
/// lambda still spans the lambda's lines.
/// </summary>
public static class MethodLengths
{
    private const int HiddenLine = 0xfeefee;

    /// <summary>(source-level name, lines) of every method with symbols, longest first.</summary>
    public static IReadOnlyList<(string Method, int Lines)> Of(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { ReadSymbols = true });
        var spans = new Dictionary<string, (int First, int Last, string File)>(StringComparer.Ordinal);
        foreach (var type in PureCoreRules.AllTypes(module))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                if (method.Name == ".cctor") continue;
                var points = BodyPoints(method);
                if (points.Count == 0) continue;
                var key = $"{PureCoreRules.OuterMost(type).FullName}.{SourceName(type, method)}";
                var first = points.Min(p => p.StartLine);
                var last = points.Max(p => p.EndLine);
                // An async method's stub and its state machine's MoveNext are one method of the source.
                spans[key] = spans.TryGetValue(key, out var known) && known.File == points[0].Document.Url
                    ? (Math.Min(first, known.First), Math.Max(last, known.Last), known.File)
                    : (first, last, points[0].Document.Url);
            }
        }
        return spans.Select(s => (s.Key, s.Value.Last - s.Value.First + 1)).OrderByDescending(s => s.Item2).ToList();
    }

    private static List<SequencePoint> BodyPoints(MethodDefinition method)
    {
        var points = method.DebugInformation.SequencePoints
            .Where(p => p.StartLine != HiddenLine && !p.Document.Url.EndsWith(".g.cs", StringComparison.Ordinal))
            .ToList();
        if (method.Name != ".ctor") return points;
        // A constructor's own body starts after its call to the base (or another) constructor; before it come the initializers.
        var chained = method.Body.Instructions.FirstOrDefault(i => i.OpCode.Code == Code.Call && i.Operand is MethodReference { Name: ".ctor" } m
            && (m.DeclaringType.FullName == method.DeclaringType.BaseType?.FullName || m.DeclaringType.FullName == method.DeclaringType.FullName));
        return chained is null ? points : points.Where(p => p.Offset > chained.Offset).ToList();
    }

    /// <summary>The name the method has in the source: "RunAsync" for &lt;RunAsync&gt;d__4.MoveNext, with lambdas under their own generated names.</summary>
    private static string SourceName(TypeDefinition type, MethodDefinition method)
    {
        if (method.Name == "MoveNext" && type.Name.StartsWith('<') && type.Name.Contains(">d__", StringComparison.Ordinal))
            return type.Name[1..type.Name.IndexOf('>')];
        return type.DeclaringType is null ? method.Name : $"{type.Name}.{method.Name}";
    }
}
