using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>Why a YAML text cannot be read, where, and how to fix it; it never quotes the text (anchors, tags and values may be secrets).</summary>
internal sealed record YamlFinding(SourcePosition At, string Code, string Message, string Fix);
