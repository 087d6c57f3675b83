// Every test here works on the one shared lab: run them one after another, in one order whatever the checkout's
// folder (Ordering/ByNameTestCollectionOrderer.cs says why).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer("HaLbDeploy.Integration.Tests.Ordering.ByNameTestCollectionOrderer", "HaLbDeploy.Integration.Tests")]
[assembly: TestCaseOrderer("HaLbDeploy.Integration.Tests.Ordering.ByNameTestCaseOrderer", "HaLbDeploy.Integration.Tests")]
