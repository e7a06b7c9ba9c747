using Triage.Tests.Serving;

namespace Triage.Tests.Api;

/// <summary>One in-process host shared by a test class, serving a fake model bundle.</summary>
public sealed class TriageHostFixture : IAsyncLifetime
{
    public TriageHost Host { get; } = new();

    public Task InitializeAsync() => FakeBundleLoader.WriteAsync(Host.ModelPath, "fake-1");

    public Task DisposeAsync()
    {
        Host.Dispose();
        return Task.CompletedTask;
    }
}
