using ParticipativeDemocracy.E2E;

[assembly: AssemblyFixture(typeof(AppUnderTest))]
[assembly: AssemblyFixture(typeof(Browser))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
