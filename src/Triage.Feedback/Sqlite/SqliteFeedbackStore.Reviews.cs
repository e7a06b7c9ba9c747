using Microsoft.Data.Sqlite;
using Triage.Core.Feedback;

namespace Triage.Feedback.Sqlite;

public sealed partial class SqliteFeedbackStore
{
    private const string ReviewColumns = """
        review_id, tenant, draft_id, decision, final_text, rejection_reason,
        corrected_category, corrected_intent, corrected_urgency, representative_id, reviewed_at, edit_distance
        """;

    private const int SqliteConstraint = 19;

    public async Task<ReviewOutcome> SubmitReviewAsync(ReviewSubmission review, CancellationToken ct = default)
    {
        if (review.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(review));
        }

        await using var connection = await OpenAsync(ct);

        // A repeat is answered before the draft is looked at: the first outcome stands even if the draft were gone.
        if (await FindReviewAsync(connection, null, review.TenantId, "review_id", review.ReviewId, ct) is { } first)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Duplicate, first);
        }

        var draft = await FindDraftAsync(connection, review.TenantId, review.DraftId, ct);
        if (draft is null)
        {
            return new ReviewOutcome(await DraftOfAnotherTenantAsync(connection, review.TenantId, review.DraftId, ct) ? ReviewOutcomeKind.OtherTenantsDraft : ReviewOutcomeKind.UnknownDraft, null);
        }

        // The O(n·m) distance is computed before taking the write lock, so other writers never wait on it.
        var stored = ToStored(review, draft.Value.Text);
        try
        {
            return await InsertAsync(connection, stored, draft.Value.DecisionId, ct);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            // Only reachable if another process wrote between our checks: the constraints decided, so report what they kept.
            return await ExistingOutcomeAsync(connection, null, stored, ct)
                ?? throw new InvalidOperationException($"review {review.ReviewId} violated a constraint but no conflicting review exists", ex);
        }
    }

    private async Task<ReviewOutcome> InsertAsync(SqliteConnection connection, ReviewRecord stored, long decisionId, CancellationToken ct)
    {
        // Not deferred: BEGIN IMMEDIATE takes the write lock now, so the checks below and the insert are one step for every writer.
        await using var tx = connection.BeginTransaction(deferred: false);
        if (await ExistingOutcomeAsync(connection, tx, stored, ct) is { } existing)
        {
            await tx.RollbackAsync(ct);
            return existing;
        }

        await using var insert = Command(connection, $"""
            INSERT INTO reviews ({ReviewColumns}, decision_id, recorded_at)
            VALUES ($review, $tenant, $draft, $decision, $final, $reason, $cat, $intent, $urg, $rep, $reviewed, $distance, $decisionId, $recorded)
            """, tx);
        var p = insert.Parameters;
        p.AddWithValue("$review", stored.ReviewId);
        p.AddWithValue("$tenant", stored.TenantId);
        p.AddWithValue("$draft", stored.DraftId);
        p.AddWithValue("$decision", DecisionName(stored.Decision));
        p.AddWithValue("$final", (object?)stored.FinalText ?? DBNull.Value);
        p.AddWithValue("$reason", (object?)stored.RejectionReason ?? DBNull.Value);
        p.AddWithValue("$cat", (object?)stored.CorrectedCategory ?? DBNull.Value);
        p.AddWithValue("$intent", (object?)stored.CorrectedIntent ?? DBNull.Value);
        p.AddWithValue("$urg", (object?)stored.CorrectedUrgency ?? DBNull.Value);
        p.AddWithValue("$rep", stored.RepresentativeId);
        p.AddWithValue("$reviewed", UnixMs.Of(stored.ReviewedAt));
        p.AddWithValue("$distance", stored.EditDistance);
        p.AddWithValue("$decisionId", decisionId);
        p.AddWithValue("$recorded", UnixMs.Of(_clock.GetUtcNow()));
        await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return new ReviewOutcome(ReviewOutcomeKind.Stored, stored with { ReviewedAt = UnixMs.Time(UnixMs.Of(stored.ReviewedAt)) });
    }

    private static async Task<ReviewOutcome?> ExistingOutcomeAsync(SqliteConnection connection, SqliteTransaction? tx, ReviewRecord stored, CancellationToken ct)
    {
        if (await FindReviewAsync(connection, tx, stored.TenantId, "review_id", stored.ReviewId, ct) is { } sameId)
        {
            return new ReviewOutcome(ReviewOutcomeKind.Duplicate, sameId);
        }

        return await FindReviewAsync(connection, tx, stored.TenantId, "draft_id", stored.DraftId, ct) is { } sameDraft
            ? new ReviewOutcome(ReviewOutcomeKind.AlreadyReviewed, sameDraft)
            : null;
    }

    private ReviewRecord ToStored(ReviewSubmission review, string draftText)
    {
        var final = review.Decision switch
        {
            ReviewDecision.Accepted => draftText,
            ReviewDecision.Edited => Redact(review.FinalText!),
            _ => null,
        };
        var distance = review.Decision == ReviewDecision.Edited ? EditDistance.Levenshtein(draftText, final!, _options.EditDistanceMaxLength) : 0;
        return new ReviewRecord(
            review.ReviewId, review.TenantId, review.DraftId, review.Decision, final,
            review.Decision == ReviewDecision.Rejected ? review.RejectionReason : null,
            Blank(review.CorrectedCategory), Blank(review.CorrectedIntent), Blank(review.CorrectedUrgency),
            review.RepresentativeId, review.ReviewedAt, distance);
    }

    private static async Task<(long DecisionId, string Text)?> FindDraftAsync(SqliteConnection connection, string tenant, string draftId, CancellationToken ct)
    {
        await using var select = Command(connection, "SELECT id, draft_text FROM decisions WHERE tenant = $tenant AND draft_id = $draft");
        select.Parameters.AddWithValue("$tenant", tenant);
        select.Parameters.AddWithValue("$draft", draftId);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>The one query that looks past the caller's tenant, and it returns only whether the draft exists elsewhere.</summary>
    private static async Task<bool> DraftOfAnotherTenantAsync(SqliteConnection connection, string tenant, string draftId, CancellationToken ct)
    {
        await using var select = Command(connection, "SELECT EXISTS (SELECT 1 FROM decisions WHERE draft_id = $draft AND tenant <> $tenant)");
        select.Parameters.AddWithValue("$tenant", tenant);
        select.Parameters.AddWithValue("$draft", draftId);
        return Convert.ToInt64(await select.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static async Task<ReviewRecord?> FindReviewAsync(SqliteConnection connection, SqliteTransaction? tx, string tenant, string keyColumn, string key, CancellationToken ct)
    {
        // keyColumn is one of two constants chosen by this class, never caller input.
        await using var select = Command(connection, $"SELECT {ReviewColumns} FROM reviews WHERE tenant = $tenant AND {keyColumn} = $key", tx);
        select.Parameters.AddWithValue("$tenant", tenant);
        select.Parameters.AddWithValue("$key", key);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadReview(reader) : null;
    }

    private static ReviewRecord ReadReview(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        ParseDecision(r.GetString(3)),
        NullableString(r, 4),
        NullableString(r, 5),
        NullableString(r, 6),
        NullableString(r, 7),
        NullableString(r, 8),
        r.GetString(9),
        UnixMs.Time(r.GetInt64(10)),
        r.GetInt32(11));

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string DecisionName(ReviewDecision d) => d switch
    {
        ReviewDecision.Accepted => "accepted",
        ReviewDecision.Edited => "edited",
        ReviewDecision.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    private static ReviewDecision ParseDecision(string s) => s switch
    {
        "accepted" => ReviewDecision.Accepted,
        "edited" => ReviewDecision.Edited,
        "rejected" => ReviewDecision.Rejected,
        _ => throw new InvalidDataException($"unknown review decision '{s}' in the feedback store"),
    };
}
