namespace Triage.Feedback.Sqlite;

/// <summary>
/// The schema, as ordered steps. Never edit a step that has shipped: add the next one. Times are Unix
/// milliseconds (UTC) so windows compare as integers; a draft's text is kept on its decision, a review's
/// final text on the review.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "decision log and reviews", """
            CREATE TABLE decisions (
                id INTEGER PRIMARY KEY,
                tenant TEXT NOT NULL,
                ticket_id TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                language TEXT NOT NULL,
                channel TEXT NOT NULL,
                model_version TEXT NOT NULL,
                category TEXT NOT NULL,
                category_confidence REAL NOT NULL,
                category_abstained INTEGER NOT NULL,
                intent TEXT NOT NULL,
                intent_confidence REAL NOT NULL,
                intent_abstained INTEGER NOT NULL,
                urgency TEXT NOT NULL,
                urgency_confidence REAL NOT NULL,
                urgency_abstained INTEGER NOT NULL,
                retrieved_case_ids TEXT NOT NULL,
                draft_id TEXT,
                drafter TEXT,
                draft_text TEXT,
                first_response_target_ms INTEGER,
                recorded_at INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX ux_decisions_draft ON decisions (tenant, draft_id) WHERE draft_id IS NOT NULL;
            CREATE INDEX ix_decisions_draft_any_tenant ON decisions (draft_id) WHERE draft_id IS NOT NULL;
            CREATE INDEX ix_decisions_received ON decisions (tenant, received_at);

            CREATE TABLE reviews (
                id INTEGER PRIMARY KEY,
                tenant TEXT NOT NULL,
                review_id TEXT NOT NULL,
                draft_id TEXT NOT NULL,
                decision_id INTEGER NOT NULL REFERENCES decisions (id),
                decision TEXT NOT NULL CHECK (decision IN ('accepted', 'edited', 'rejected')),
                final_text TEXT,
                rejection_reason TEXT,
                corrected_category TEXT,
                corrected_intent TEXT,
                corrected_urgency TEXT,
                representative_id TEXT NOT NULL,
                reviewed_at INTEGER NOT NULL,
                edit_distance INTEGER NOT NULL CHECK (edit_distance >= 0),
                recorded_at INTEGER NOT NULL,
                UNIQUE (tenant, review_id),
                UNIQUE (tenant, draft_id)
            );
            CREATE INDEX ix_reviews_reviewed ON reviews (tenant, reviewed_at, id);
            """),
    ];
}
