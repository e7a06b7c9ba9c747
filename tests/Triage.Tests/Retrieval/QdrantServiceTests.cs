using Grpc.Core;
using Grpc.Health.V1;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Retrieval.Qdrant.Fake;
using Triage.Tests.Serving;

namespace Triage.Tests.Retrieval;

/// <summary>The whole service with Qdrant as its case index: working, and down.</summary>
public sealed class QdrantServiceTests : IAsyncLifetime
{
    private FakeQdrantServer _qdrant = null!;

    public async Task InitializeAsync() => _qdrant = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync() => await _qdrant.DisposeAsync();

    private static TriageHost Host(Uri qdrant) => new TriageHost()
        .With("Triage:Index:Provider", "Qdrant")
        .With("Triage:Index:Qdrant:Address", qdrant.ToString())
        .With("Triage:Index:Qdrant:Collection", "cases_" + Guid.NewGuid().ToString("N"))
        .With("Triage:Index:Qdrant:Deadline", "00:00:01")
        .With("Triage:Index:Qdrant:MaxRetries", "1")
        .With("Triage:Index:Qdrant:RetryBaseDelay", "00:00:00.010");

    [Fact]
    public async Task Cases_ingested_through_the_api_are_found_through_qdrant()
    {
        using var host = Host(_qdrant.Address);
        await FakeBundleLoader.WriteAsync(host.ModelPath, "fake-1");
        using (var ingest = host.Client(TestKeys.AcmeAdmin).IngestResolvedCases())
        {
            await ingest.RequestStream.WriteAsync(new ResolvedCase
            {
                CaseId = "q-1", Body = "세금계산서 발행 요청합니다 사업자입니다", Reply = "마이페이지 > 주문내역에서 발행 가능합니다.",
                Category = "invoice", Intent = "get_invoice", Urgency = "normal", Outcome = "answered",
            });
            await ingest.RequestStream.CompleteAsync();
            Assert.Equal(1, (await ingest).Accepted);
        }

        var found = await host.Client(TestKeys.AcmeIntake).FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid("세금계산서 발행해 주세요") });
        Assert.Equal("q-1", Assert.Single(found.Cases).CaseId);
        var other = await host.Client(TestKeys.GlobexIntake).FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid("세금계산서 발행해 주세요") });
        Assert.Empty(other.Cases);
    }

    [Fact]
    public async Task With_qdrant_down_triage_degrades_search_fails_clearly_and_readiness_says_why()
    {
        var dead = new Uri("http://127.0.0.1:" + FreePort());
        using var host = Host(dead);
        await FakeBundleLoader.WriteAsync(host.ModelPath, "fake-1");

        var triage = await host.Client(TestKeys.AcmeIntake).TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid() });
        Assert.Equal("fake-1", triage.ModelVersion);
        Assert.NotNull(triage.Classification);
        Assert.Contains(triage.Degradations, d => d.Component == Component.Retrieval && d.Reason.Contains("unavailable", StringComparison.OrdinalIgnoreCase));
        // The draft still comes, honest about having no case to stand on.
        Assert.True(triage.Draft.Flags.Contains(DraftFlag.NeedsKnowledge), triage.Draft.ToString());

        await RpcAssert.Fails(StatusCode.Unavailable, () => host.Client(TestKeys.AcmeIntake).FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = Tickets.Valid() }).ResponseAsync);
        var health = await new Health.HealthClient(host.Channel()).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
