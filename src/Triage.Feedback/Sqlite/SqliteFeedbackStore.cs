using Triage.Core.Tickets;
using Microsoft.Data.Sqlite;
using Triage.Core.Feedback;

namespace Triage.Feedback.Sqlite;

/// <summary>
/// <see cref="IFeedbackStore"/> over one SQLite file. WAL mode lets exports and stats read while reviews
/// are written; synchronous=FULL makes every commit reach the disk before the call returns, so nothing
/// acknowledged is lost if the process is killed. Writers are serialized by SQLite's write lock
/// (BEGIN IMMEDIATE), which is what makes concurrent reviews of one draft resolve to a single winner,
/// across processes as well as threads. Decisions, written on every logged RPC, are group-committed
/// (<see cref="GroupCommit{T}"/>). Thread-safe; one connection per call from the pool.
/// </summary>
public sealed partial class SqliteFeedbackStore : IFeedbackStore, IAsyncDisposable, IDisposable
{
    private readonly string _connectionString;
    private readonly FeedbackStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private readonly GroupCommit<DecisionRecord> _decisions;
    private volatile bool _migrated;

    public SqliteFeedbackStore(FeedbackStoreOptions options, TimeProvider? clock = null)
    {
        var problems = FeedbackStoreOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _clock = clock ?? TimeProvider.System;
        _decisions = new GroupCommit<DecisionRecord>(WriteDecisionsAsync, MaxDecisionBatch);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
    }

    public string DatabasePath => Path.GetFullPath(_options.Path);

    /// <summary>Creates or migrates the schema now instead of on first use (e.g. to fail fast at start-up).</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (!_migrated)
        {
            await _migration.WaitAsync(ct);
            try
            {
                if (!_migrated)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                    await using var first = await OpenRawAsync(ct);
                    await SchemaMigrator.MigrateAsync(first, _clock, ct);
                    _migrated = true;
                }
            }
            finally
            {
                _migration.Release();
            }
        }

        return await OpenRawAsync(ct);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);

            // journal_mode persists in the file; synchronous and busy_timeout are per connection, so every open sets them.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds};";
            await pragmas.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A channel as the store wrote it (<see cref="ChannelNames"/>); anything else means the file was edited or damaged.</summary>
    private static Channel StoredChannel(string name) =>
        ChannelNames.TryParse(name, out var channel) ? channel : throw new InvalidDataException($"unknown channel '{name}' in the feedback store");

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; clearing the pool closes them, which also checkpoints the WAL.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _migration.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
