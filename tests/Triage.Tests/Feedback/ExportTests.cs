using Triage.Classifier.Data;
using Triage.Core.Feedback;
using Triage.Corpus;
using Triage.Feedback.Export;

namespace Triage.Tests.Feedback;

public sealed class ExportTests : FeedbackStoreFixture
{
    /// <summary>
    /// acme: t1 accepted (prediction), t2 edited with corrections (ko), t3 edited without correction (not
    /// exported), t4 rejected with an urgency correction, t5 rejected without (not exported). Reviews are
    /// submitted out of order; globex has one accepted ticket that acme must never see.
    /// </summary>
    private async Task SeedAsync()
    {
        await Store.RecordDecisionAsync(Decision("d1", ticketId: "t1", body: "Cancel order 1 please. Call 010-1234-5678."));
        await Store.RecordDecisionAsync(Decision("d2", ticketId: "t2", language: "ko", body: "주문\t취소하고 \"환불\"\n해주세요"));
        await Store.RecordDecisionAsync(Decision("d3", ticketId: "t3", body: "Cancel order 3."));
        await Store.RecordDecisionAsync(Decision("d4", ticketId: "t4", body: "Cancel order 4 now, it ships today!"));
        await Store.RecordDecisionAsync(Decision("d5", ticketId: "t5", body: "Cancel order 5."));
        await Store.RecordDecisionAsync(Decision("g1", tenant: "globex", ticketId: "t1", body: "globex's own ticket"));

        await Store.SubmitReviewAsync(Review("r4", "d4", ReviewDecision.Rejected, at: T0.AddHours(4), urgency: "high"));
        await Store.SubmitReviewAsync(Review("r1", "d1", at: T0.AddHours(1)));
        await Store.SubmitReviewAsync(Review("r5", "d5", ReviewDecision.Rejected, at: T0.AddHours(5)));
        await Store.SubmitReviewAsync(Review("r3", "d3", ReviewDecision.Edited, at: T0.AddHours(3), finalText: "Done, order 3 cancelled."));
        await Store.SubmitReviewAsync(Review("r2", "d2", ReviewDecision.Edited, at: T0.AddHours(2), finalText: "환불해 드렸습니다.", category: "refund", intent: "get_refund"));
        await Store.SubmitReviewAsync(Review("rg", "g1", tenant: "globex", at: T0.AddHours(1)));
    }

    [Fact]
    public async Task Final_labels_come_from_the_correction_else_an_unchanged_acceptance()
    {
        await SeedAsync();

        var rows = await ExportAsync(new ExportFilter("acme"));

        Assert.Equal(
            [
                ("t1", "order", "cancel_order", "normal", LabelSource.AcceptedPrediction),
                ("t2", "refund", "get_refund", "normal", LabelSource.Corrected),
                ("t4", "order", "cancel_order", "high", LabelSource.Corrected),
            ],
            rows.Select(r => (r.TicketId, r.Category, r.Intent, r.Urgency, r.Source)));
        Assert.Equal(("Your order has been cancelled.", "환불해 드렸습니다."), (rows[1].DraftText, rows[1].FinalReply));
        Assert.Null(rows[2].FinalReply);
        Assert.DoesNotContain("5678", rows[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_select_by_source_language_and_half_open_review_window()
    {
        await SeedAsync();

        Assert.Equal(["t2", "t4"], await IdsAsync(new ExportFilter("acme", Source: LabelSource.Corrected)));
        Assert.Equal(["t1"], await IdsAsync(new ExportFilter("acme", Source: LabelSource.AcceptedPrediction)));
        Assert.Equal(["t2"], await IdsAsync(new ExportFilter("acme", Language: "ko")));
        Assert.Equal(["t2"], await IdsAsync(new ExportFilter("acme", From: T0.AddHours(2), To: T0.AddHours(4))));
        Assert.Equal(["t1"], await IdsAsync(new ExportFilter("globex")));
        Assert.Empty(await IdsAsync(new ExportFilter("initech")));
    }

    [Fact]
    public async Task A_ticket_reviewed_twice_is_exported_once_with_its_latest_labels()
    {
        await Store.RecordDecisionAsync(Decision("d1", ticketId: "t7"));
        await Store.RecordDecisionAsync(Decision("d2", ticketId: "t7"));
        await Store.SubmitReviewAsync(Review("r1", "d1", at: T0.AddHours(1)));
        await Store.SubmitReviewAsync(Review("r2", "d2", at: T0.AddHours(2), urgency: "urgent"));

        var row = Assert.Single(await ExportAsync(new ExportFilter("acme")));
        Assert.Equal(("urgent", LabelSource.Corrected), (row.Urgency, row.Source));
    }

    [Fact]
    public async Task Jsonl_reads_back_through_the_corpus_reader_with_no_loss_or_reordering()
    {
        await SeedAsync();
        var expected = (await ExportAsync(new ExportFilter("acme"))).Select(LabeledTicketRecords.From).ToList();
        var path = Path.Combine(Directory, "export.jsonl");
        await WriteAsync(path, (rows, w) => LabeledTicketWriter.WriteJsonlAsync(rows, w, CancellationToken.None));

        var issues = new List<CorpusIssue>();
        var read = new List<LabeledTicketRecord>();
        await foreach (var located in JsonLines.ReadAsync<LabeledTicketRecord>(path, issues))
        {
            read.Add(located.Record);
        }

        Assert.Empty(issues);
        Assert.Equal(expected.Select(Fields), read.Select(Fields));
        Assert.Equal(["export:accepted", "export:corrected", "export:corrected"], read.Select(r => r.Source));
        Assert.All(read, r => Assert.Empty(r.Traits));
        Assert.Equal("email", read[0].Channel);
    }

    [Theory]
    [InlineData("export.jsonl")]
    [InlineData("export.tsv")]
    public async Task The_trainer_reads_both_formats_to_the_same_labels_in_the_same_order(string file)
    {
        await SeedAsync();
        var path = Path.Combine(Directory, file);
        await WriteAsync(path, (rows, w) => file.EndsWith(".tsv", StringComparison.Ordinal)
            ? LabeledTicketWriter.WriteTsvAsync(rows, w, CancellationToken.None)
            : LabeledTicketWriter.WriteJsonlAsync(rows, w, CancellationToken.None));

        var data = await new TrainingDataReader().ReadAsync([new DataSpec(path)], null, CancellationToken.None);

        Assert.Equal(
            [("t1", "en", "order", "cancel_order", "normal"), ("t2", "ko", "refund", "get_refund", "normal"), ("t4", "en", "order", "cancel_order", "high")],
            data.Examples.Select(e => (e.Id, e.Language, e.Category, e.Intent, e.Urgency)));
    }

    [Fact]
    public async Task Tsv_quotes_fields_that_hold_tabs_quotes_or_line_breaks()
    {
        await SeedAsync();
        var path = Path.Combine(Directory, "export.tsv");
        await WriteAsync(path, (rows, w) => LabeledTicketWriter.WriteTsvAsync(rows, w, CancellationToken.None));

        var records = DelimitedRecords.Parse(await File.ReadAllTextAsync(path), '\t', path).ToList();

        Assert.Equal(["id", "language", "channel", "subject", "body", "category", "intent", "urgency", "source", "traits"], records[0].Fields);
        Assert.Equal("주문\t취소하고 \"환불\"\n해주세요", records[2].Fields[4]);
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public async Task Triples_hold_accepted_and_edited_replies_only()
    {
        await SeedAsync();

        var triples = new List<DraftingTriple>();
        await foreach (var t in Store.ExportTriplesAsync(new ExportFilter("acme")))
        {
            triples.Add(t);
        }

        Assert.Equal(
            [("t1", ReviewDecision.Accepted, "Your order has been cancelled."), ("t2", ReviewDecision.Edited, "환불해 드렸습니다."), ("t3", ReviewDecision.Edited, "Done, order 3 cancelled.")],
            triples.Select(t => (t.TicketId, t.Decision, t.FinalReply)));
    }

    private static (string, string, string, string, string, string, string, string, string) Fields(LabeledTicketRecord r) =>
        (r.Id, r.Language, r.Channel, r.Subject, r.Body, r.Category, r.Intent, r.Urgency, r.Source);

    private async Task WriteAsync(string path, Func<IAsyncEnumerable<LabeledExport>, TextWriter, Task<int>> write)
    {
        await using var writer = new StreamWriter(path);
        await write(Store.ExportAsync(new ExportFilter("acme")), writer);
    }

    private async Task<List<LabeledExport>> ExportAsync(ExportFilter filter)
    {
        var rows = new List<LabeledExport>();
        await foreach (var row in Store.ExportAsync(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<List<string>> IdsAsync(ExportFilter filter) => (await ExportAsync(filter)).Select(r => r.TicketId).ToList();
}
