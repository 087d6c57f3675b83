// The two collections each start a whole build (scripts/package, scripts/build-native); on two cores they run one
// after the other rather than fight over the CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
