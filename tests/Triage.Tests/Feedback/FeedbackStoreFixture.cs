using Triage.Core.Feedback;
using Triage.Core.Tickets;
using Triage.Feedback;
using Triage.Feedback.Sqlite;

namespace Triage.Tests.Feedback;

/// <summary>A store on a fresh file in a temporary directory, and builders for the records the tests need.</summary>
public abstract class FeedbackStoreFixture : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected FeedbackStoreFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"triage-feedback-{Guid.NewGuid():N}");
        DbPath = Path.Combine(Directory, "feedback.db");
        Store = Open();
    }

    protected string Directory { get; }

    protected string DbPath { get; }

    protected SqliteFeedbackStore Store { get; private set; }

    protected SqliteFeedbackStore Open() => new(new FeedbackStoreOptions { Path = DbPath });

    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = Open();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test over it is not.
        }
    }

    protected static DecisionRecord Decision(
        string draftId,
        string tenant = "acme",
        string? ticketId = null,
        string category = "order",
        string intent = "cancel_order",
        string urgency = "normal",
        string language = "en",
        DateTimeOffset? receivedAt = null,
        bool abstained = false,
        string drafter = "composer",
        string draftText = "Your order has been cancelled.",
        TimeSpan? target = null,
        string body = "Please cancel my order 1234.",
        Channel channel = Channel.Email) =>
        new(tenant, ticketId ?? "t-" + draftId, receivedAt ?? T0, "Cancel", body, language, channel, "model-7",
            new PredictedLabel(category, 0.91, false), new PredictedLabel(intent, 0.85, abstained), new PredictedLabel(urgency, 0.77, false),
            ["case-1", "case-2"], draftId, drafter, draftText, target ?? TimeSpan.FromHours(4));

    protected static ReviewSubmission Review(
        string reviewId,
        string draftId,
        ReviewDecision decision = ReviewDecision.Accepted,
        string tenant = "acme",
        DateTimeOffset? at = null,
        string? finalText = null,
        string? reason = null,
        string? category = null,
        string? intent = null,
        string? urgency = null) =>
        new(reviewId, tenant, draftId, decision, "rep-1", at ?? T0.AddHours(1), finalText, reason ?? (decision == ReviewDecision.Rejected ? "wrong policy" : null), category, intent, urgency);
}
