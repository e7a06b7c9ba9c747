using Triage.Api.V1;
using Triage.Tests.Processes;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Faults;

/// <summary>One real server process whose case index is the fake Qdrant, on a fixed port so the fake can go down and come back.</summary>
public sealed class QdrantServerFixture : IAsyncLifetime
{
    /// <summary>Per attempt; with one retry a stalled Qdrant costs a call about twice this.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly string _data = Directory.CreateTempSubdirectory("triage-faults-qdrant-").FullName;
    private readonly int _port = ServerProcess.FreePort();
    private readonly FakeQdrantStore _store = new();
    private FakeQdrantServer? _qdrant;

    public FakeQdrantServer Qdrant => _qdrant ?? throw new InvalidOperationException("the fake Qdrant is down");

    internal ServerProcess Server { get; private set; } = null!;

    internal TriageService.TriageServiceClient Client => Server.Client();

    /// <summary>A case ingested through the server at start, to be found whenever Qdrant is up.</summary>
    public ResolvedCase Known { get; } = FaultKit.Case("qdrant-known-1");

    public async Task InitializeAsync()
    {
        await StartQdrantAsync();
        Server = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Triage:Model:ActivePath"] = FaultKit.ShippedModel,
            ["Triage:Index:Provider"] = "Qdrant",
            ["Triage:Index:Qdrant:Address"] = $"http://127.0.0.1:{_port}",
            ["Triage:Index:Qdrant:Collection"] = "faults_cases",
            ["Triage:Index:Qdrant:Deadline"] = Deadline.ToString(),
            ["Triage:Index:Qdrant:MaxRetries"] = "1",
            ["Triage:Index:Qdrant:RetryBaseDelay"] = "00:00:00.010",
        });
        Assert.Equal(1, (await FaultKit.IngestAsync(Client, [Known])).Accepted);
    }

    /// <summary>The fake with the same collections on the same port, as a restarted Qdrant with its storage.</summary>
    public async Task StartQdrantAsync() => _qdrant = await FakeQdrantServer.StartAsync(port: _port, store: _store);

    /// <summary>Not listening at all: connections are refused.</summary>
    public async Task StopQdrantAsync()
    {
        if (_qdrant is { } running)
        {
            _qdrant = null;
            await running.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await StopQdrantAsync();
        Directory.Delete(_data, recursive: true);
    }
}
