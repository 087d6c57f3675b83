using Fluid;

namespace HaLbDeploy.Core.Rendering;

/// <summary>A parsed template with where it came from, for error messages.</summary>
internal sealed record LoadedTemplate(string Name, string Origin, IFluidTemplate Template);
