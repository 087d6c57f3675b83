using Xunit;
using Xunit.Abstractions;

namespace HaLbDeploy.Integration.Tests.Ordering;

/// <summary>
/// Runs the test classes in the ordinal order of their names. xUnit's default order follows the collections'
/// unique ids, which hash the test assembly's path: two clones in two folders ran the shared lab's tests in two
/// orders, so a test that depended on what ran before it passed in one checkout and failed in another. One order
/// everywhere makes a CI result repeatable; the tests still each leave the tier as they found it.
/// </summary>
public sealed class ByNameTestCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName, StringComparer.Ordinal);
}
