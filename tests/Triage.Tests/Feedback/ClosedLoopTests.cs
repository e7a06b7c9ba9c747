using Grpc.Core;
using Triage.Api.V1;
using Triage.Classifier.Data;
using Triage.Classifier.Training;
using ExportFilter = Triage.Core.Feedback.ExportFilter;
using Triage.Feedback;
using Triage.Feedback.Export;
using Triage.Feedback.Sqlite;
using Triage.Tests.Api;
using Triage.Tests.Classification;

namespace Triage.Tests.Feedback;

/// <summary>
/// The whole loop: the service triages tickets its model has never seen the like of, representatives
/// correct the labels, the corrections are exported, a model is trained on them, promoted by an atomic
/// rename, and the running service hot-swaps to it and now gets those tickets right.
/// </summary>
public sealed class ClosedLoopTests : IDisposable
{
    private static readonly string[] UnsubscribeTickets =
    [
        "광고 문자 그만 보내주세요 수신 거부할게요", "뉴스레터 구독 해지하고 싶어요", "마케팅 메일 수신 거부 부탁드립니다",
        "이벤트 알림 문자 너무 많이 와요 끊어주세요", "please unsubscribe me from the newsletter", "stop sending me promotional emails",
        "광고성 카톡 수신 동의 철회합니다", "newsletter unsubscribe please, too many marketing mails",
    ];

    private readonly TriageHost _host = new(fakeModels: false);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Corrections_flow_back_into_a_retrained_model_that_the_service_swaps_in()
    {
        var initial = await TrainedBundleFixture.TrainAsync(TrainedBundleFixture.Options);
        await BundleTrainer.WriteAsync(initial, _host.ModelPath, CancellationToken.None);
        var intake = _host.Client(TestKeys.AcmeIntake);
        var before = await intake.ClassifyTicketAsync(Tickets.Classify(Tickets.Valid(UnsubscribeTickets[0])));
        Assert.NotEqual("newsletter", before.Classification.Category.Label); // the first model has no such label

        // Triage, then a representative corrects each ticket's labels while editing the draft.
        var agent = _host.Client(TestKeys.AcmeAgent);
        for (var i = 0; i < UnsubscribeTickets.Length; i++)
        {
            var ticket = Tickets.Valid(UnsubscribeTickets[i]);
            ticket.TicketId = $"LOOP-{i}";
            var answer = await intake.TriageTicketAsync(new TriageTicketRequest { Ticket = ticket });
            await agent.SubmitReviewAsync(new SubmitReviewRequest
            {
                ReviewId = $"loop-review-{i}", DraftId = answer.Draft.DraftId, Decision = Triage.Api.V1.ReviewDecision.Edited, RepresentativeId = "rep-1",
                FinalText = "수신 거부 처리해 드렸습니다.", CorrectedCategory = "newsletter", CorrectedIntent = "newsletter_subscription", CorrectedUrgency = "low",
            });
        }

        // Export exactly as `triage export` does, and train on the fixture plus the export.
        var export = Path.Combine(Path.GetDirectoryName(_host.ModelPath)!, "export.jsonl");
        using (var store = new SqliteFeedbackStore(new FeedbackStoreOptions { Path = _host.FeedbackPath }))
        await using (var writer = new StreamWriter(export))
        {
            Assert.Equal(UnsubscribeTickets.Length, await LabeledTicketWriter.WriteJsonlAsync(store.ExportAsync(new ExportFilter("acme")), writer, CancellationToken.None));
        }

        var exported = await new TrainingDataReader().ReadAsync([new DataSpec(export)], null, CancellationToken.None);
        Assert.All(exported.Examples, e => Assert.Equal("newsletter", e.LabelFor("category")));
        var data = new LoadedData([.. Fixtures.Examples(), .. exported.Examples, .. exported.Examples], Fixtures.Examples(perIntent: 6, seed: 99), exported.Sources);
        var retrained = await new BundleTrainer(TrainedBundleFixture.Options, TextWriter.Null).TrainAsync(data, [], CancellationToken.None);

        // Promote by writing aside and renaming into place, as `triage train` does; the service is watching.
        var staged = _host.ModelPath + ".staged.zip";
        await BundleTrainer.WriteAsync(retrained, staged, CancellationToken.None);
        File.Move(staged, _host.ModelPath, overwrite: true);

        ClassifyTicketResponse after = before;
        for (var i = 0; i < 200 && after.Classification.Category.Label != "newsletter"; i++)
        {
            await Task.Delay(100);
            after = await intake.ClassifyTicketAsync(Tickets.Classify(Tickets.Valid(UnsubscribeTickets[0])));
        }

        Assert.NotEqual(before.ModelVersion, after.ModelVersion);
        Assert.Equal("newsletter", after.Classification.Category.Label);
        Assert.Equal("newsletter_subscription", after.Classification.Intent.Label);
    }
}
