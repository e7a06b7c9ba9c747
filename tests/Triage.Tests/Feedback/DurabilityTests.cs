using Triage.Core.Feedback;

namespace Triage.Tests.Feedback;

public sealed class DurabilityTests : FeedbackStoreFixture
{
    [Fact]
    public async Task What_a_call_acknowledged_is_there_after_the_store_is_disposed_and_reopened()
    {
        var decision = Decision("d1", ticketId: "t-42");
        await Store.RecordDecisionAsync(decision);
        await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Edited, finalText: "Cancelled, refund on its way."));

        await ReopenAsync();

        Assert.Equal(decision, await Store.GetDecisionByDraftAsync("acme", "d1"), DecisionComparer.Instance);
        var again = await Store.SubmitReviewAsync(Review("r1", "d1"));
        Assert.Equal((ReviewOutcomeKind.Duplicate, "Cancelled, refund on its way."), (again.Kind, again.Review!.FinalText));
    }

    [Fact]
    public async Task A_decision_round_trips_every_field()
    {
        var decision = Decision("d1", abstained: true, target: TimeSpan.FromMinutes(90), channel: Triage.Core.Tickets.Channel.WebForm);
        await Store.RecordDecisionAsync(decision);

        Assert.Equal(decision, await Store.GetDecisionByDraftAsync("acme", "d1"), DecisionComparer.Instance);
    }

    /// <summary>Records compare their lists by reference; the store returns new lists.</summary>
    private sealed class DecisionComparer : IEqualityComparer<DecisionRecord?>
    {
        public static readonly DecisionComparer Instance = new();

        public bool Equals(DecisionRecord? x, DecisionRecord? y) =>
            x is not null && y is not null && x.RetrievedCaseIds.SequenceEqual(y.RetrievedCaseIds) && x == y with { RetrievedCaseIds = x.RetrievedCaseIds };

        public int GetHashCode(DecisionRecord? obj) => 0;
    }
}
