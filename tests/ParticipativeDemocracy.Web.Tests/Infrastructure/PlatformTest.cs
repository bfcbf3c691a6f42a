namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>Base for integration tests: a clean database before each test.</summary>
public abstract class PlatformTest(PlatformFixture fixture) : IAsyncLifetime
{
    protected PlatformFixture Fixture { get; } = fixture;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Fixture.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
