using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;
using HaLbDeploy.Core.Rendering;

namespace HaLbDeploy.Core.Tests.Rendering;

/// <summary>
/// The template model is read through <see cref="TemplateMembers"/>, not reflection: every public property of every
/// type reachable from <see cref="TemplateModel"/> must be there under its snake_case name (the names the templates and
/// users' overrides have always used), with a getter that returns that property.
/// </summary>
public sealed partial class TemplateMembersTests
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = ConfigurationRenderer.Options;

    [Fact]
    public void Every_public_property_of_the_model_is_registered_under_its_snake_case_name_and_nothing_else()
    {
        var expected = ModelTypes().SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name != "EqualityContract")
            .Select(property => $"{type.Name}.{SnakeCase(property.Name)}")).Order().ToList();

        var registered = TemplateMembers.All.Select(member => $"{member.Owner.Name}.{member.Name}").Order().ToList();

        Assert.Equal(expected, registered);
    }

    [Fact]
    public void The_model_reaches_all_thirteen_view_types()
    {
        Assert.Equal(13, ModelTypes().Count);
        Assert.Equal(ModelTypes().Select(t => t.Name).Order(), TemplateMembers.All.Select(m => m.Owner.Name).Distinct().Order());
    }

    [Fact]
    public void Every_registered_getter_gives_the_value_of_its_property()
    {
        var inventory = ExampleInventory.FastDualStack();
        var model = TemplateModelBuilder.Build(inventory, inventory.Nodes[0], trackProcess: true, trackFile: true);
        var instances = Instances(model).ToLookup(instance => instance.GetType());
        var checkedMembers = 0;

        foreach (var member in TemplateMembers.All)
        {
            var owner = instances[member.Owner].FirstOrDefault();
            Assert.True(owner is not null, $"the dual-stack fast model holds no {member.Owner.Name} to read {member.Name} from");
            var property = member.Owner.GetProperty(PascalCase(member.Name))!;
            Assert.Equal(RenderValue(property.GetValue(owner)!), RenderMember(owner, member.Name));
            checkedMembers++;
        }

        Assert.Equal(TemplateMembers.All.Count, checkedMembers);
    }

    [Fact]
    public void A_name_is_found_only_as_registered_so_a_misspelt_or_differently_cased_one_is_an_error()
    {
        var model = TemplateModelBuilder.Build(ExampleInventory.Load(), ExampleInventory.Load().Nodes[0]);
        Assert.Equal("lb1", RenderMember(model.Node, "name"));
        Assert.ThrowsAny<Exception>(() => RenderMember(model.Node, "Name"));
        Assert.ThrowsAny<Exception>(() => RenderMember(model.Node, "nmae"));
    }

    private static string RenderMember(object owner, string name) => Render($"{{{{ it.{name} }}}}", owner);

    private static string RenderValue(object value) => Render("{{ it }}", value);

    private static string Render(string source, object it)
    {
        var context = new TemplateContext(Options);
        context.SetValue("it", it);
        return Parser.Parse(source).Render(context);
    }

    /// <summary>TemplateModel and every view type its properties hold, directly or as list items.</summary>
    private static List<Type> ModelTypes()
    {
        var found = new List<Type>();
        var pending = new Queue<Type>([typeof(TemplateModel)]);
        while (pending.TryDequeue(out var type))
        {
            if (found.Contains(type))
            {
                continue;
            }

            found.Add(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var held = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (held.Namespace == typeof(TemplateModel).Namespace)
                {
                    pending.Enqueue(held);
                }
            }
        }

        return found;
    }

    /// <summary>Every model object in the graph, the model itself first.</summary>
    private static IEnumerable<object> Instances(object root)
    {
        yield return root;
        foreach (var property in root.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(root);
            var children = value switch
            {
                string => [],
                IEnumerable list => list.Cast<object>(),
                _ when value?.GetType().Namespace == typeof(TemplateModel).Namespace => [value!],
                _ => [],
            };
            foreach (var child in children.Where(c => c.GetType().Namespace == typeof(TemplateModel).Namespace))
            {
                foreach (var descendant in Instances(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static string SnakeCase(string name) => UpperLetter().Replace(name, "_$1").ToLowerInvariant().TrimStart('_');

    private static string PascalCase(string name) => string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperLetter();
}
