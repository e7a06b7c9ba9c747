using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.Faults;

/// <summary>
/// Clients of the real server process that hang up mid-stream: the server stops the work done for them (the upstream
/// model stream included), stays up, and what it stored stays consistent.
/// </summary>
public sealed class ClientCancellationTests : IClassFixture<LlmServerFixture>, IDisposable
{
    private readonly LlmServerFixture _fixture;

    public ClientCancellationTests(LlmServerFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    public void Dispose() => _fixture.Reset();

    private TriageService.TriageServiceClient Client => _fixture.Client;

    [Fact]
    public async Task A_client_leaving_a_slow_draft_stream_stops_the_model_stream_and_the_next_draft_is_stored()
    {
        // 60 chunks 50 ms apart: about 3 s of streaming, if nobody stopped it.
        var reply = string.Concat(Enumerable.Repeat("안녕하세요, 고객님. 확인 중입니다. ", 20));
        _fixture.Llm.Chat.Reply = _ => reply;
        _fixture.Llm.Chat.ChunkSize = 4;
        _fixture.Llm.Chat.ChunkDelay = TimeSpan.FromMilliseconds(50);
        var chunks = (reply.Length + 3) / 4;
        var sentBefore = _fixture.Llm.Chat.Sent.Count;

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using (var call = Client.StreamDraftReply(new DraftReplyRequest { Ticket = Tickets.Valid("배송이 너무 늦어요") }, cancellationToken: cts.Token))
        {
            var deltas = 0;
            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(cts.Token))
                {
                    Assert.Equal(DraftChunk.ChunkOneofCase.TextDelta, chunk.ChunkCase);
                    if (++deltas == 3)
                    {
                        await cts.CancelAsync();
                    }
                }
            });
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        }

        // Nobody drafts for a caller who left: the model's stream is closed too, long before its end.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var sentAfterCancel = _fixture.Llm.Chat.Sent.Count - sentBefore;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(sentAfterCancel, _fixture.Llm.Chat.Sent.Count - sentBefore);
        Assert.True(sentAfterCancel < chunks, $"{sentAfterCancel} of {chunks} chunks were streamed");

        _fixture.Server.AssertAlive();
        _fixture.Reset();
        _fixture.Llm.Chat.ChunkSize = 8;
        using var next = Client.StreamDraftReply(new DraftReplyRequest { Ticket = Tickets.Valid("배송이 너무 늦어요") });
        var (_, final) = await FaultKit.ReadDraftStreamAsync(next);
        Assert.Equal("llm", final!.Drafter);
        var review = await Client.SubmitReviewAsync(new SubmitReviewRequest
        {
            ReviewId = "cancel-next-" + final.DraftId, DraftId = final.DraftId, Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1",
        });
        Assert.False(review.Duplicate);
    }

    [Fact]
    public async Task Clients_leaving_an_export_mid_stream_leave_the_store_consistent_and_writable()
    {
        var before = await CountExportedAsync();
        const int Reviewed = 30;
        await Parallel.ForEachAsync(Enumerable.Range(0, Reviewed), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var ticket = Tickets.Valid($"환불 요청합니다 주문 {i}번");
            ticket.TicketId = $"EXP-{i}";
            var draft = await Client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket }, cancellationToken: ct);
            await Client.SubmitReviewAsync(new SubmitReviewRequest
            {
                ReviewId = $"export-{i}", DraftId = draft.Draft.DraftId, Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1",
            }, cancellationToken: ct);
        });
        Assert.Equal(before + Reviewed, await CountExportedAsync());

        for (var i = 0; i < 10; i++)
        {
            using var cts = new CancellationTokenSource();
            using var export = Client.ExportLabeledTickets(new ExportLabeledTicketsRequest(), cancellationToken: cts.Token);
            Assert.True(await export.ResponseStream.MoveNext(cts.Token));
            await cts.CancelAsync();
            var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                while (await export.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            });
            Assert.True(ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }, ex.ToString());
        }

        // No reader left behind holds the database: a review is still written, and every row is still exported once.
        var ticket = Tickets.Valid("교환 요청합니다");
        ticket.TicketId = "EXP-after";
        var last = await Client.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket });
        await Client.SubmitReviewAsync(new SubmitReviewRequest { ReviewId = "export-after", DraftId = last.Draft.DraftId, Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" });
        Assert.Equal(before + Reviewed + 1, await CountExportedAsync());
        _fixture.Server.AssertAlive();
    }

    private async Task<int> CountExportedAsync()
    {
        using var export = Client.ExportLabeledTickets(new ExportLabeledTicketsRequest());
        var rows = 0;
        await foreach (var _ in export.ResponseStream.ReadAllAsync())
        {
            rows++;
        }

        return rows;
    }
}
