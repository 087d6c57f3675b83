using Xunit.Abstractions;
using Xunit.Sdk;

namespace HaLbDeploy.Integration.Tests.Ordering;

/// <summary>
/// Runs the tests of a class in the ordinal order of their display names (a theory's cases by their arguments),
/// for the reason <see cref="ByNameTestCollectionOrderer"/> gives: xUnit's default order hashes the assembly's path.
/// </summary>
public sealed class ByNameTestCaseOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.DisplayName, StringComparer.Ordinal);
}
