using Triage.Core.Feedback;

namespace Triage.Tests.Feedback;

public sealed class ReviewTests : FeedbackStoreFixture
{
    [Fact]
    public async Task An_edited_review_is_stored_with_its_edit_distance()
    {
        await Store.RecordDecisionAsync(Decision("d1", draftText: "kitten"));

        var outcome = await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Edited, finalText: "sitting", category: "refund"));

        Assert.Equal(ReviewOutcomeKind.Stored, outcome.Kind);
        Assert.Equal(3, outcome.EditDistance);
        Assert.Equal("sitting", outcome.Review!.FinalText);
        Assert.Equal("refund", outcome.Review.CorrectedCategory);
    }

    [Fact]
    public async Task An_accepted_review_sends_the_draft_with_distance_zero()
    {
        await Store.RecordDecisionAsync(Decision("d1", draftText: "Done."));

        var outcome = await Store.SubmitReviewAsync(Review("r1", "d1"));

        Assert.Equal((ReviewOutcomeKind.Stored, 0, "Done."), (outcome.Kind, outcome.EditDistance, outcome.Review!.FinalText));
    }

    [Fact]
    public async Task A_repeated_review_id_returns_the_first_outcome_unchanged()
    {
        await Store.RecordDecisionAsync(Decision("d1", draftText: "kitten"));
        var first = await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Edited, finalText: "sitting"));

        var again = await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Rejected));
        var elsewhere = await Store.SubmitReviewAsync(Review("r1", "no-such-draft"));

        Assert.Equal(ReviewOutcomeKind.Duplicate, again.Kind);
        Assert.Equal(first.Review, again.Review);
        Assert.Equal(ReviewOutcomeKind.Duplicate, elsewhere.Kind);
        Assert.Equal(3, elsewhere.EditDistance);
    }

    [Fact]
    public async Task A_second_review_of_a_reviewed_draft_is_refused_naming_the_first()
    {
        await Store.RecordDecisionAsync(Decision("d1"));
        await Store.SubmitReviewAsync(Review("r1", "d1"));

        var second = await Store.SubmitReviewAsync(Review("r2", "d1", ReviewDecision.Rejected));

        Assert.Equal(ReviewOutcomeKind.AlreadyReviewed, second.Kind);
        Assert.Equal("r1", second.Review!.ReviewId);
    }

    [Fact]
    public async Task Unknown_drafts_and_other_tenants_drafts_are_refused_and_not_recorded()
    {
        await Store.RecordDecisionAsync(Decision("d1", tenant: "globex"));

        var unknown = await Store.SubmitReviewAsync(Review("r1", "nope"));
        var foreign = await Store.SubmitReviewAsync(Review("r2", "d1", tenant: "acme"));

        Assert.Equal(ReviewOutcomeKind.UnknownDraft, unknown.Kind);
        Assert.Equal(ReviewOutcomeKind.OtherTenantsDraft, foreign.Kind);
        Assert.False(foreign.Accepted);
        Assert.Null(await Store.GetDecisionByDraftAsync("acme", "d1"));

        // Nothing was recorded: the owner can still review it, even under the refused review id.
        Assert.Equal(ReviewOutcomeKind.Stored, (await Store.SubmitReviewAsync(Review("r2", "d1", tenant: "globex"))).Kind);
    }

    [Fact]
    public async Task Review_ids_are_per_tenant()
    {
        await Store.RecordDecisionAsync(Decision("d1", tenant: "acme"));
        await Store.RecordDecisionAsync(Decision("d2", tenant: "globex"));

        Assert.Equal(ReviewOutcomeKind.Stored, (await Store.SubmitReviewAsync(Review("r1", "d1", tenant: "acme"))).Kind);
        Assert.Equal(ReviewOutcomeKind.Stored, (await Store.SubmitReviewAsync(Review("r1", "d2", tenant: "globex"))).Kind);
    }

    [Fact]
    public async Task Concurrent_reviews_of_one_draft_leave_exactly_one_and_the_rest_are_told_which()
    {
        await Store.RecordDecisionAsync(Decision("d1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Store.SubmitReviewAsync(Review($"r{i}", "d1", i % 2 == 0 ? ReviewDecision.Accepted : ReviewDecision.Rejected)))));

        var stored = Assert.Single(outcomes, o => o.Kind == ReviewOutcomeKind.Stored);
        var others = outcomes.Where(o => o != stored).ToList();
        Assert.Equal(19, others.Count);
        Assert.All(others, o => Assert.Equal((ReviewOutcomeKind.AlreadyReviewed, stored.Review!.ReviewId), (o.Kind, o.Review!.ReviewId)));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_review_id_store_it_once()
    {
        await Store.RecordDecisionAsync(Decision("d1", draftText: "kitten"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Edited, finalText: "sitting")))));

        Assert.Single(outcomes, o => o.Kind == ReviewOutcomeKind.Stored);
        Assert.Equal(19, outcomes.Count(o => o.Kind == ReviewOutcomeKind.Duplicate));
        Assert.All(outcomes, o => Assert.Equal(3, o.EditDistance));
    }

    [Theory]
    [InlineData(ReviewDecision.Edited, null, null)]
    [InlineData(ReviewDecision.Rejected, null, "")]
    public async Task Incomplete_submissions_are_refused(ReviewDecision decision, string? finalText, string? reason)
    {
        await Store.RecordDecisionAsync(Decision("d1"));
        var review = Review("r1", "d1", decision, finalText: finalText) with { RejectionReason = reason };
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SubmitReviewAsync(review));
    }

    [Fact]
    public async Task Personal_data_in_the_final_text_is_redacted_before_it_is_stored()
    {
        await Store.RecordDecisionAsync(Decision("d1", draftText: "We will call you."));

        var outcome = await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Edited, finalText: "We will call you on 010-1234-5678."));

        Assert.DoesNotContain("1234", outcome.Review!.FinalText, StringComparison.Ordinal);
        Assert.Contains("[PHONE_1]", outcome.Review.FinalText, StringComparison.Ordinal);
    }
}
