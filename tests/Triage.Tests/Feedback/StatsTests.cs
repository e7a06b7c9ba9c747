using Triage.Core.Feedback;

namespace Triage.Tests.Feedback;

public sealed class StatsTests : FeedbackStoreFixture
{
    private static readonly DateTimeOffset End = T0.AddDays(1);

    /// <summary>
    /// Five reviewed drafts, one unreviewed draft and one classify-only decision for acme in the window,
    /// one review outside it, and globex's own data; the expected figures are worked out by hand in the test.
    /// </summary>
    private async Task SeedAsync()
    {
        await Store.RecordDecisionAsync(Decision("a", category: "order", urgency: "normal", target: TimeSpan.FromHours(4)));
        await Store.RecordDecisionAsync(Decision("b", category: "order", urgency: "high", abstained: true, draftText: "kitten", target: TimeSpan.FromHours(4)));
        await Store.RecordDecisionAsync(Decision("c", category: "refund", urgency: "normal", drafter: "llm", draftText: "flaw", target: TimeSpan.FromHours(1)));
        await Store.RecordDecisionAsync(Decision("d", category: "refund", urgency: "urgent", drafter: "llm", target: TimeSpan.FromHours(1)));
        await Store.RecordDecisionAsync(Decision("e", category: "payment", abstained: true));
        await Store.RecordDecisionAsync(Decision("f", category: "order") with { DraftId = null, Drafter = null, DraftText = null });
        await Store.RecordDecisionAsync(Decision("g", category: "order", urgency: "normal", target: TimeSpan.FromHours(4)));
        await Store.RecordDecisionAsync(Decision("late", receivedAt: End.AddHours(1)));
        await Store.RecordDecisionAsync(Decision("x", tenant: "globex", category: "order", drafter: "llm"));

        await Store.SubmitReviewAsync(Review("ra", "a", at: T0.AddHours(1)));
        await Store.SubmitReviewAsync(Review("rb", "b", ReviewDecision.Edited, at: T0.AddHours(5), finalText: "sitting", urgency: "normal"));
        await Store.SubmitReviewAsync(Review("rc", "c", ReviewDecision.Edited, at: T0.AddMinutes(30), finalText: "lawn", category: "payment"));
        await Store.SubmitReviewAsync(Review("rd", "d", ReviewDecision.Rejected, at: T0.AddHours(2), reason: "wrong policy", category: "refund"));
        await Store.SubmitReviewAsync(Review("rg", "g", ReviewDecision.Rejected, at: T0.AddHours(3), reason: "wrong policy"));
        await Store.SubmitReviewAsync(Review("rl", "late", ReviewDecision.Rejected, at: End.AddHours(2), reason: "tone"));
        await Store.SubmitReviewAsync(Review("rx", "x", ReviewDecision.Rejected, tenant: "globex", reason: "tone", category: "refund"));
    }

    [Fact]
    public async Task Figures_over_a_window_match_the_hand_count()
    {
        await SeedAsync();

        var s = await Store.GetStatsAsync("acme", T0, End);

        Assert.Equal((7, 5, 1, 2, 2), (s.Decisions, s.Reviews, s.Accepted, s.Edited, s.Rejected));
        Assert.Equal((0.2, 0.4, 0.4), (s.AcceptanceRate, s.EditRate, s.RejectionRate));
        Assert.Equal(2.5, s.MeanEditDistance);
        Assert.Equal([new LabelCount("wrong policy", 2)], s.RejectionReasons);

        // order: a, b, g uncorrected; refund: c corrected to payment (wrong), d "corrected" to refund itself (right).
        Assert.Equal([new LabelPrecision("order", 3, 3), new LabelPrecision("refund", 2, 1)], s.CategoryPrecision);
        Assert.Equal(0.5, s.CategoryPrecision[1].Precision);

        // normal: a, c, g; high: b corrected to normal; urgent: d.
        Assert.Equal([new LabelPrecision("normal", 3, 3), new LabelPrecision("high", 1, 0), new LabelPrecision("urgent", 1, 1)], s.UrgencyPrecision);

        Assert.Equal((2, 2.0 / 7), (s.AbstainedDecisions, s.AbstentionRate));
        Assert.Equal([new LabelCount("composer", 4), new LabelCount("llm", 2)], s.DraftsByDrafter);

        // a 1h ≤ 4h, b 5h > 4h, c 30m ≤ 1h, d 2h > 1h, g 3h ≤ 4h.
        Assert.Equal((5, 3, 0.6), (s.SlaMeasured, s.SlaMet, s.SlaMetRate));
    }

    [Fact]
    public async Task Each_tenant_sees_only_its_own_figures()
    {
        await SeedAsync();

        var globex = await Store.GetStatsAsync("globex", null, null);
        var nobody = await Store.GetStatsAsync("initech", null, null);

        Assert.Equal((1, 1, 1), (globex.Decisions, globex.Reviews, globex.Rejected));
        Assert.Equal([new LabelCount("tone", 1)], globex.RejectionReasons);
        Assert.Equal([new LabelPrecision("order", 1, 0)], globex.CategoryPrecision);
        Assert.Equal([new LabelCount("llm", 1)], globex.DraftsByDrafter);
        Assert.Equal((0, 0, 0.0, 0.0), (nobody.Decisions, nobody.Reviews, nobody.AcceptanceRate, nobody.MeanEditDistance));
    }

    [Fact]
    public async Task An_open_window_counts_everything()
    {
        await SeedAsync();

        var s = await Store.GetStatsAsync("acme", null, null);

        Assert.Equal((8, 6), (s.Decisions, s.Reviews));
        Assert.Equal([new LabelCount("wrong policy", 2), new LabelCount("tone", 1)], s.RejectionReasons);
    }
}
