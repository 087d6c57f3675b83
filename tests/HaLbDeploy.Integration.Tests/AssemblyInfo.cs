// Every test here works on the one shared lab: run them one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
