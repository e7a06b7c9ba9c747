namespace Triage.Feedback;

/// <summary>Where and how the SQLite feedback store keeps its file (configuration section <c>Feedback</c>).</summary>
public sealed class FeedbackStoreOptions
{
    public const string Section = "Feedback";

    /// <summary>The database file; its directory is created when missing. WAL mode adds <c>-wal</c> and <c>-shm</c> files beside it.</summary>
    public string Path { get; set; } = "data/feedback.db";

    /// <summary>How long a write waits for another writer (another process, or a long export's checkpoint) before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Texts longer than this (after their common prefix and suffix are set aside) are compared only up to
    /// it, and the rest counted as changed: the distance then is an upper bound. Bounds the O(n·m) work of
    /// one review to about 16 million steps by default.
    /// </summary>
    public int EditDistanceMaxLength { get; set; } = 4000;
}
