using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Retrieval.Qdrant.Fake;

namespace Triage.Tests.Faults;

/// <summary>
/// The real server process with Qdrant (the fake, on a real socket) down, slow or failing: TriageTicket still answers
/// with its classification and the retrieval part flagged; FindSimilarCases, which asked for cases only, fails with a
/// status that says why; and once Qdrant is back, both work again without a restart.
/// </summary>
public sealed class QdrantFaultTests(QdrantServerFixture fixture) : IClassFixture<QdrantServerFixture>
{
    /// <summary>Two attempts of the deadline, then slack for a loaded machine.</summary>
    private static readonly TimeSpan Bound = (2 * QdrantServerFixture.Deadline) + TimeSpan.FromSeconds(7);

    private TriageService.TriageServiceClient Client => fixture.Client;

    [Fact]
    public async Task Qdrant_down_degrades_triage_fails_search_as_unavailable_and_both_recover_when_it_is_back()
    {
        await fixture.StopQdrantAsync();
        try
        {
            await AssertDegradedAsync(StatusCode.Unavailable, "unavailable");
        }
        finally
        {
            await fixture.StartQdrantAsync();
        }

        await AssertRecoveredAsync();
    }

    [Fact]
    public async Task Qdrant_slower_than_the_deadline_degrades_triage_within_the_deadline_and_recovers()
    {
        fixture.Qdrant.Faults.Delay(QdrantMethods.Query, TimeSpan.FromSeconds(60));
        try
        {
            await AssertDegradedAsync(StatusCode.Unavailable, "deadline");
        }
        finally
        {
            fixture.Qdrant.Faults.Delay(QdrantMethods.Query, TimeSpan.Zero);
        }

        await AssertRecoveredAsync();
    }

    [Theory]
    [InlineData(StatusCode.Internal, StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.Unavailable, StatusCode.Unavailable)]
    [InlineData(StatusCode.ResourceExhausted, StatusCode.Unavailable)]
    public async Task Qdrant_answering_errors_degrades_triage_and_fails_search_with_a_clear_status(StatusCode injected, StatusCode expected)
    {
        fixture.Qdrant.Faults.Fail(QdrantMethods.Query, injected);
        try
        {
            await AssertDegradedAsync(expected, "Qdrant");
        }
        finally
        {
            fixture.Qdrant.Faults.Fail(QdrantMethods.Query, injected, times: 0);
        }

        await AssertRecoveredAsync();
    }

    private async Task AssertDegradedAsync(StatusCode searchStatus, string reason)
    {
        var ticket = FaultKit.TicketFor(fixture.Known);
        // Both at once: each may wait out the deadline.
        var triageCall = FaultKit.Within(Bound, () => Client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket }).ResponseAsync);
        var searchCall = FaultKit.Within(Bound, async () =>
            await Assert.ThrowsAsync<RpcException>(() => Client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = ticket }).ResponseAsync));

        var triage = await triageCall;
        Assert.NotNull(triage.Classification);
        Assert.False(string.IsNullOrEmpty(triage.ModelVersion));
        Assert.Empty(triage.SimilarCases);
        var degraded = Assert.Single(triage.Degradations, d => d.Component == Component.Retrieval);
        Assert.Contains(reason, degraded.Reason, StringComparison.OrdinalIgnoreCase);
        // The draft still comes, honest about having no case to stand on.
        Assert.Contains(DraftFlag.NeedsKnowledge, triage.Draft.Flags);

        var search = await searchCall;
        Assert.Equal(searchStatus, search.StatusCode);
        Assert.Contains(reason, search.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", search.Status.Detail, StringComparison.Ordinal);
        fixture.Server.AssertAlive();
    }

    /// <summary>Within seconds of Qdrant being back (the channel's reconnect backoff is bounded), with no restart.</summary>
    private async Task AssertRecoveredAsync()
    {
        var ticket = FaultKit.TicketFor(fixture.Known);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        FindSimilarCasesResponse? found = null;
        while (found is null)
        {
            try
            {
                found = await Client.FindSimilarCasesAsync(new FindSimilarCasesRequest { Ticket = ticket });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && watch.Elapsed < Bound)
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal(fixture.Known.CaseId, found.Cases.First().CaseId);
        var triage = await Client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket });
        Assert.DoesNotContain(triage.Degradations, d => d.Component == Component.Retrieval);
        Assert.Contains(triage.SimilarCases, c => c.CaseId == fixture.Known.CaseId);
    }
}
