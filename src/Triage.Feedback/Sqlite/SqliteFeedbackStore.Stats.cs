using Microsoft.Data.Sqlite;
using Triage.Core.Feedback;

namespace Triage.Feedback.Sqlite;

public sealed partial class SqliteFeedbackStore
{
    private const string ReviewWindow = """
        FROM reviews r JOIN decisions d ON d.id = r.decision_id AND d.tenant = r.tenant
        WHERE r.tenant = $tenant AND r.reviewed_at >= $from AND r.reviewed_at < $to
        """;

    private const string DecisionWindow = "FROM decisions WHERE tenant = $tenant AND received_at >= $from AND received_at < $to";

    public async Task<FeedbackStats> GetStatsAsync(string tenantId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            throw new ArgumentException("stats are per tenant", nameof(tenantId));
        }

        await using var connection = await OpenAsync(ct);

        // One read transaction: every figure comes from the same snapshot, even while reviews keep arriving.
        await using var tx = connection.BeginTransaction(deferred: true);
        var window = (tenantId, UnixMs.FromOrMin(from), UnixMs.ToOrMax(to));

        int reviews = 0, accepted = 0, edited = 0, rejected = 0, slaMeasured = 0, slaMet = 0;
        double meanEdit = 0;
        await using (var totals = Windowed(connection, tx, window, $"""
            SELECT COUNT(*),
                   COALESCE(SUM(r.decision = 'accepted'), 0),
                   COALESCE(SUM(r.decision = 'edited'), 0),
                   COALESCE(SUM(r.decision = 'rejected'), 0),
                   COALESCE(AVG(CASE WHEN r.decision = 'edited' THEN r.edit_distance END), 0),
                   COALESCE(SUM(d.first_response_target_ms IS NOT NULL), 0),
                   COALESCE(SUM(r.reviewed_at - d.received_at <= d.first_response_target_ms), 0)
            {ReviewWindow}
            """))
        await using (var r = await totals.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (reviews, accepted, edited, rejected, meanEdit, slaMeasured, slaMet) =
                (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetDouble(4), r.GetInt32(5), r.GetInt32(6));
        }

        var reasons = await CountsAsync(connection, tx, window, $"SELECT r.rejection_reason, COUNT(*) AS n {ReviewWindow} AND r.decision = 'rejected' GROUP BY r.rejection_reason", ct);
        var categoryPrecision = await PrecisionAsync(connection, tx, window, "category", ct);
        var urgencyPrecision = await PrecisionAsync(connection, tx, window, "urgency", ct);
        var drafters = await CountsAsync(connection, tx, window, $"SELECT drafter, COUNT(*) AS n {DecisionWindow} AND draft_id IS NOT NULL GROUP BY drafter", ct);

        int decisions, abstained;
        await using (var counts = Windowed(connection, tx, window, $"SELECT COUNT(*), COALESCE(SUM(category_abstained OR intent_abstained OR urgency_abstained), 0) {DecisionWindow}"))
        await using (var r = await counts.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (decisions, abstained) = (r.GetInt32(0), r.GetInt32(1));
        }

        await tx.CommitAsync(ct);
        return new FeedbackStats(tenantId, from, to, decisions, reviews, accepted, edited, rejected, meanEdit, reasons,
            categoryPrecision, urgencyPrecision, abstained, drafters, slaMeasured, slaMet);
    }

    /// <summary>A reviewed prediction is correct unless the representative corrected that head to something else.</summary>
    private static async Task<IReadOnlyList<LabelPrecision>> PrecisionAsync(SqliteConnection connection, SqliteTransaction tx, (string, long, long) window, string head, CancellationToken ct)
    {
        // head is one of two constants from this class, never caller input.
        await using var select = Windowed(connection, tx, window, $"""
            SELECT d.{head}, COUNT(*) AS n, SUM(r.corrected_{head} IS NULL OR r.corrected_{head} = d.{head})
            {ReviewWindow}
            GROUP BY d.{head}
            ORDER BY n DESC, d.{head}
            """);
        await using var r = await select.ExecuteReaderAsync(ct);
        var list = new List<LabelPrecision>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new LabelPrecision(r.GetString(0), r.GetInt32(1), r.GetInt32(2)));
        }

        return list;
    }

    private static async Task<IReadOnlyList<LabelCount>> CountsAsync(SqliteConnection connection, SqliteTransaction tx, (string, long, long) window, string groupSql, CancellationToken ct)
    {
        await using var select = Windowed(connection, tx, window, $"SELECT * FROM ({groupSql}) ORDER BY 2 DESC, 1");
        await using var r = await select.ExecuteReaderAsync(ct);
        var list = new List<LabelCount>();
        while (await r.ReadAsync(ct))
        {
            list.Add(new LabelCount(r.IsDBNull(0) ? "" : r.GetString(0), r.GetInt32(1)));
        }

        return list;
    }

    private static SqliteCommand Windowed(SqliteConnection connection, SqliteTransaction tx, (string Tenant, long From, long To) window, string sql)
    {
        var command = Command(connection, sql, tx);
        command.Parameters.AddWithValue("$tenant", window.Tenant);
        command.Parameters.AddWithValue("$from", window.From);
        command.Parameters.AddWithValue("$to", window.To);
        return command;
    }
}
