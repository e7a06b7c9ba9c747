using Triage.Core.Tickets;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Triage.Core.Feedback;

namespace Triage.Feedback.Sqlite;

public sealed partial class SqliteFeedbackStore
{
    private const int SourceCorrected = 1;
    private const int SourceAccepted = 2;

    // A correction of any head makes the row CORRECTED (uncorrected heads keep the prediction the representative
    // saw and let stand); otherwise only an unchanged acceptance confirms the prediction. One row per ticket:
    // its latest exportable review in the window, so a ticket triaged twice is not trained on twice.
    // The window function sorts inside SQLite (spilling to disk), never in this process.
    private const string ExportSql = """
        WITH labeled AS (
            SELECT r.id AS rid, r.reviewed_at, d.ticket_id, d.language, d.channel, d.subject, d.body,
                   COALESCE(r.corrected_category, d.category) AS category,
                   COALESCE(r.corrected_intent, d.intent) AS intent,
                   COALESCE(r.corrected_urgency, d.urgency) AS urgency,
                   CASE WHEN r.corrected_category IS NOT NULL OR r.corrected_intent IS NOT NULL OR r.corrected_urgency IS NOT NULL THEN 1
                        WHEN r.decision = 'accepted' THEN 2 END AS source,
                   d.draft_text, r.final_text, d.model_version
            FROM reviews r JOIN decisions d ON d.id = r.decision_id AND d.tenant = r.tenant
            WHERE r.tenant = $tenant AND r.reviewed_at >= $from AND r.reviewed_at < $to
              AND ($language IS NULL OR d.language = $language)
        ), ranked AS (
            SELECT *, ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY reviewed_at DESC, rid DESC) AS n
            FROM labeled
            WHERE source IS NOT NULL AND ($source IS NULL OR source = $source)
        )
        SELECT ticket_id, language, channel, subject, body, category, intent, urgency, source, draft_text, final_text, reviewed_at, model_version
        FROM ranked WHERE n = 1
        ORDER BY reviewed_at, rid
        """;

    private const string TriplesSql = """
        SELECT d.ticket_id, d.language, d.channel, d.subject, d.body, d.drafter, d.draft_text, r.final_text, r.decision, r.edit_distance, r.reviewed_at
        FROM reviews r JOIN decisions d ON d.id = r.decision_id AND d.tenant = r.tenant
        WHERE r.tenant = $tenant AND r.reviewed_at >= $from AND r.reviewed_at < $to
          AND ($language IS NULL OR d.language = $language)
          AND r.decision IN ('accepted', 'edited')
        ORDER BY r.reviewed_at, r.id
        """;

    public async IAsyncEnumerable<LabeledExport> ExportAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = FilteredCommand(connection, ExportSql, filter);
        select.Parameters.AddWithValue("$source", filter.Source switch
        {
            LabelSource.Corrected => SourceCorrected,
            LabelSource.AcceptedPrediction => SourceAccepted,
            _ => DBNull.Value,
        });
        await using var r = await select.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new LabeledExport(
                r.GetString(0), r.GetString(1), StoredChannel(r.GetString(2)), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7),
                r.GetInt32(8) == SourceCorrected ? LabelSource.Corrected : LabelSource.AcceptedPrediction,
                NullableString(r, 9), NullableString(r, 10), UnixMs.Time(r.GetInt64(11)), r.GetString(12));
        }
    }

    public async IAsyncEnumerable<DraftingTriple> ExportTriplesAsync(ExportFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var select = FilteredCommand(connection, TriplesSql, filter);
        await using var r = await select.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new DraftingTriple(
                r.GetString(0), r.GetString(1), StoredChannel(r.GetString(2)), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.GetString(7), ParseDecision(r.GetString(8)), r.GetInt32(9), UnixMs.Time(r.GetInt64(10)));
        }
    }

    private static SqliteCommand FilteredCommand(SqliteConnection connection, string sql, ExportFilter filter)
    {
        if (string.IsNullOrEmpty(filter.TenantId))
        {
            throw new ArgumentException("an export is for one tenant: set TenantId", nameof(filter));
        }

        var command = Command(connection, sql);
        command.Parameters.AddWithValue("$tenant", filter.TenantId);
        command.Parameters.AddWithValue("$from", UnixMs.FromOrMin(filter.From));
        command.Parameters.AddWithValue("$to", UnixMs.ToOrMax(filter.To));
        command.Parameters.AddWithValue("$language", string.IsNullOrEmpty(filter.Language) ? DBNull.Value : filter.Language);
        return command;
    }
}
