namespace HaLbDeploy.Packaging.Tests;

/// <summary>The Native AOT tests share one run of scripts/build-native.</summary>
[CollectionDefinition(Name)]
public sealed class NativeCollection : ICollectionFixture<NativeBinary>
{
    public const string Name = "native binary";
}
