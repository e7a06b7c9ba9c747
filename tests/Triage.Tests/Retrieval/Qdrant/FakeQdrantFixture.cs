using Microsoft.Extensions.Options;
using Triage.Retrieval.Qdrant;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>One fake server per test class; each test gets its own collection on it.</summary>
public sealed class FakeQdrantFixture : IAsyncLifetime
{
    private FakeQdrantServer? _server;

    public FakeQdrantServer Server => _server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Options for tests: short deadline and backoff so failures surface well within a test's time budget.</summary>
    public static QdrantOptions Options(Uri address, string? collection = null, Action<QdrantOptions>? adjust = null)
    {
        var options = new QdrantOptions
        {
            Address = address,
            Collection = collection ?? "cases_" + Guid.NewGuid().ToString("N"),
            Deadline = TimeSpan.FromSeconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        adjust?.Invoke(options);
        return options;
    }

    public static QdrantCaseIndex Index(QdrantOptions options) => new(Microsoft.Extensions.Options.Options.Create(options));
}
