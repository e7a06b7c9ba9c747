namespace Triage.Feedback.Sqlite;

/// <summary>Times as stored: Unix milliseconds, UTC. An open window end is the extreme value, so one query serves every filter.</summary>
internal static class UnixMs
{
    public static long Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long FromOrMin(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? long.MinValue;

    public static long ToOrMax(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? long.MaxValue;

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
