using System.Reflection;
using HaLbDeploy.Cli.Output.Json;

namespace HaLbDeploy.Cli.Tests.Output.Json;

public sealed class JsonOutputTests
{
    [Fact]
    public void Every_enum_a_json_document_carries_has_a_string_converter_so_none_comes_out_as_a_number()
    {
        var documentTypes = typeof(JsonOutput).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(JsonOutput).Namespace && t.Name.EndsWith("Json", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(documentTypes);

        var carried = documentTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(t => t.IsEnum)
            .Distinct()
            .ToList();

        Assert.Contains(carried, t => t.Name == "NodeOutcome"); // the walk does see the documents' enums
        Assert.All(carried, e => Assert.Contains(e, JsonOutput.EnumsWrittenAsStrings));
    }
}
