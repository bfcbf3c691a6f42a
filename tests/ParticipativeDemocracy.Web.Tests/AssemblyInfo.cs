using ParticipativeDemocracy.Web.Tests.Infrastructure;

// One shared host and database: tests reset it and must not run at the same time.
[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
