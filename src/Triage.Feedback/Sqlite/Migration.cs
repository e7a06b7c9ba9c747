namespace Triage.Feedback.Sqlite;

/// <summary>One schema step. Applied once, in version order, inside one transaction with its version row.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
