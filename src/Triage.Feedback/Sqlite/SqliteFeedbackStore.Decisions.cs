using Triage.Core.Tickets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Triage.Core.Feedback;
using Triage.Core.Privacy;

namespace Triage.Feedback.Sqlite;

public sealed partial class SqliteFeedbackStore
{
    private const string DecisionColumns = """
        tenant, ticket_id, received_at, subject, body, language, channel, model_version,
        category, category_confidence, category_abstained, intent, intent_confidence, intent_abstained,
        urgency, urgency_confidence, urgency_abstained, retrieved_case_ids, draft_id, drafter, draft_text, first_response_target_ms
        """;

    /// <summary>Most decisions one commit carries; bounds how long one batch holds SQLite's write lock.</summary>
    private const int MaxDecisionBatch = 256;

    public async Task RecordDecisionAsync(DecisionRecord decision, CancellationToken ct = default)
    {
        if (Problem(decision) is { } problem)
        {
            throw new ArgumentException(problem, nameof(decision));
        }

        await _decisions.SubmitAsync(decision, ct);
    }

    private async Task WriteDecisionsAsync(IReadOnlyList<DecisionRecord> decisions)
    {
        // Never cancelled: the batch carries other callers' decisions (see GroupCommit).
        var ct = CancellationToken.None;
        await using var connection = await OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);

        // A repeated draft id keeps the first decision: a review may already be judged against it.
        await using var insert = Command(connection, $"""
            INSERT INTO decisions ({DecisionColumns}, recorded_at)
            VALUES ($tenant, $ticket, $received, $subject, $body, $language, $channel, $model,
                    $cat, $catConf, $catAbst, $intent, $intentConf, $intentAbst,
                    $urg, $urgConf, $urgAbst, $cases, $draftId, $drafter, $draftText, $target, $recorded)
            ON CONFLICT DO NOTHING
            """, tx);
        var recordedAt = UnixMs.Of(_clock.GetUtcNow());
        foreach (var decision in decisions)
        {
            Bind(insert.Parameters, decision, recordedAt);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    private static void Bind(SqliteParameterCollection p, DecisionRecord decision, long recordedAt)
    {
        p.Clear();
        p.AddWithValue("$tenant", decision.TenantId);
        p.AddWithValue("$ticket", decision.TicketId);
        p.AddWithValue("$received", UnixMs.Of(decision.ReceivedAt));
        // Redacted again here (idempotent: placeholders match no pattern) so no caller can log personal data by mistake.
        p.AddWithValue("$subject", Redact(decision.Subject));
        p.AddWithValue("$body", Redact(decision.Body));
        p.AddWithValue("$language", decision.Language);
        p.AddWithValue("$channel", ChannelNames.Of(decision.Channel));
        p.AddWithValue("$model", decision.ModelVersion);
        AddLabel(p, "$cat", decision.Category);
        AddLabel(p, "$intent", decision.Intent);
        AddLabel(p, "$urg", decision.Urgency);
        p.AddWithValue("$cases", JsonSerializer.Serialize(decision.RetrievedCaseIds));
        p.AddWithValue("$draftId", (object?)decision.DraftId ?? DBNull.Value);
        p.AddWithValue("$drafter", (object?)decision.Drafter ?? DBNull.Value);
        p.AddWithValue("$draftText", decision.DraftText is null ? DBNull.Value : Redact(decision.DraftText));
        p.AddWithValue("$target", decision.FirstResponseTarget is { } t ? (long)t.TotalMilliseconds : DBNull.Value);
        p.AddWithValue("$recorded", recordedAt);
    }

    public async Task<DecisionRecord?> GetDecisionByDraftAsync(string tenantId, string draftId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = Command(connection, $"SELECT {DecisionColumns} FROM decisions WHERE tenant = $tenant AND draft_id = $draft");
        select.Parameters.AddWithValue("$tenant", tenantId);
        select.Parameters.AddWithValue("$draft", draftId);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadDecision(reader) : null;
    }

    private static DecisionRecord ReadDecision(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        UnixMs.Time(r.GetInt64(2)),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        StoredChannel(r.GetString(6)),
        r.GetString(7),
        new PredictedLabel(r.GetString(8), r.GetDouble(9), r.GetBoolean(10)),
        new PredictedLabel(r.GetString(11), r.GetDouble(12), r.GetBoolean(13)),
        new PredictedLabel(r.GetString(14), r.GetDouble(15), r.GetBoolean(16)),
        JsonSerializer.Deserialize<List<string>>(r.GetString(17)) ?? [],
        r.IsDBNull(18) ? null : r.GetString(18),
        r.IsDBNull(19) ? null : r.GetString(19),
        r.IsDBNull(20) ? null : r.GetString(20),
        r.IsDBNull(21) ? null : TimeSpan.FromMilliseconds(r.GetInt64(21)));

    private static void AddLabel(SqliteParameterCollection p, string prefix, PredictedLabel label)
    {
        p.AddWithValue(prefix, label.Label);
        p.AddWithValue(prefix + "Conf", label.Confidence);
        p.AddWithValue(prefix + "Abst", label.Abstained);
    }

    private static string Redact(string text) => PiiRedactor.Instance.Redact(text).Text;

    private static string? Problem(DecisionRecord d) => d switch
    {
        { TenantId: null or "" } => "tenant is required",
        { TicketId: null or "" } => "ticket id is required",
        { ModelVersion: null } => "model version is required",
        { DraftId: not null, DraftText: null } or { DraftId: not null, Drafter: null } => "a decision with a draft id needs the draft's text and drafter",
        { DraftId: "" } => "draft id, when given, must not be empty",
        _ => null,
    };
}
