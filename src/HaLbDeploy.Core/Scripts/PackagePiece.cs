using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Scripts;

/// <summary>A byte range of one package file, sent to the node in one upload script.</summary>
public sealed record PackagePiece(PackageFile File, long Offset, int Length)
{
    /// <summary>The first piece of a file creates it on the node; later pieces append.</summary>
    public bool StartsFile => Offset == 0;
}
