namespace HaLbDeploy.Packaging.Tests;

/// <summary>The packaging tests share one run of scripts/package (about a minute on two cores).</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagedArtifacts>
{
    public const string Name = "packaged artifacts";
}
