using Microsoft.Data.Sqlite;

namespace Triage.Tests.Feedback;

public sealed class MigrationTests : FeedbackStoreFixture
{
    [Fact]
    public async Task An_empty_file_is_migrated_to_the_latest_version_once()
    {
        await Store.InitializeAsync();
        await ReopenAsync();
        await Store.InitializeAsync();

        Assert.Equal([1L], await ScalarsAsync("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(["decisions", "reviews", "schema_version"], await NamesAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        Assert.Equal("wal", (await NamesAsync("PRAGMA journal_mode"))[0]);
    }

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused()
    {
        await Store.InitializeAsync();
        await ExecuteAsync("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', 0)");
        await ReopenAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.InitializeAsync());
        Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> ScalarsAsync(string sql) => (await RowsAsync(sql)).Select(v => (long)v).ToList();

    private async Task<List<string>> NamesAsync(string sql) => (await RowsAsync(sql)).Select(v => (string)v).ToList();

    private async Task<List<object>> RowsAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object>();
        while (await r.ReadAsync())
        {
            rows.Add(r.GetValue(0));
        }

        return rows;
    }
}
