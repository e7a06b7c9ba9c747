using System.CommandLine;
using System.Globalization;
using Triage.Feedback;
using Triage.Feedback.Sqlite;

namespace Triage.Cli.Commands;

/// <summary>The options <c>triage export</c> and <c>triage stats</c> share: which feedback file, which tenant, which window.</summary>
internal static class FeedbackArguments
{
    public static Option<FileInfo> Db() => new("--db") { Description = "The feedback SQLite file (the service's Feedback:Path).", DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "feedback.db")) };

    public static Option<string> Tenant() => new("--tenant") { Description = "The tenant whose data to read.", Required = true };

    public static Option<string?> From() => new("--from") { Description = "Window start, inclusive (ISO 8601; UTC when no offset is given)." };

    public static Option<string?> To() => new("--to") { Description = "Window end, exclusive (ISO 8601; UTC when no offset is given)." };

    public static DateTimeOffset? Time(string? value, string option) =>
        value is null ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new FormatException($"{option}: '{value}' is not a date or time (try 2025-03-01 or 2025-03-01T09:00:00+09:00)");

    /// <summary>Opens an existing file only: a mistyped path must not silently create an empty database and report zeros.</summary>
    public static SqliteFeedbackStore Open(FileInfo db) =>
        db.Exists ? new SqliteFeedbackStore(new FeedbackStoreOptions { Path = db.FullName })
        : throw new FileNotFoundException($"no feedback database at {db.FullName} (give --db)");
}
