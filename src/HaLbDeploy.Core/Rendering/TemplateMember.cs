using Fluid;

namespace HaLbDeploy.Core.Rendering;

/// <summary>One member of the template model as the templates see it: the type it is on, its name there, and how it is registered with Fluid.</summary>
internal sealed record TemplateMember(Type Owner, string Name, Action<MemberAccessStrategy> Register);
