using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Embedded;

/// <summary>
/// The default case index: exact search in process over int8 vectors, persisted as a snapshot plus a
/// write-ahead log. Every acknowledged write is on disk (fsync) before it is applied in memory, so
/// killing the process loses nothing acknowledged; a torn last log record is cut off on the next start.
/// Searches run concurrently; writes are serialized.
/// </summary>
public sealed class EmbeddedCaseIndex : ICaseIndex, IDisposable
{
    private const string StampFile = "index.json";
    private const string SnapshotFile = "cases.snapshot";
    private const string LogFile = "cases.wal";

    private readonly EmbeddedIndexOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly CaseStore _store = new();
    private RecordLog? _log;
    private EmbedderInfo? _embedder;
    private int _loggedSinceSnapshot;

    public EmbeddedCaseIndex(IOptions<EmbeddedIndexOptions> options, ILogger<EmbeddedCaseIndex>? logger = null)
    {
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string DataDirectory => Path.GetFullPath(_options.DataDirectory);

    public async Task EnsureReadyAsync(EmbedderInfo embedder, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            if (_embedder is not null)
            {
                ThrowIfDifferent(_embedder, embedder, "this index");
                return;
            }

            Directory.CreateDirectory(DataDirectory);
            var stampPath = Path.Combine(DataDirectory, StampFile);
            if (File.Exists(stampPath))
            {
                var stored = JsonSerializer.Deserialize<EmbedderInfo>(await File.ReadAllTextAsync(stampPath, ct))
                    ?? throw new CaseIndexException($"{stampPath} is unreadable.", transient: false);
                ThrowIfDifferent(stored, embedder, DataDirectory);
            }
            else
            {
                await File.WriteAllTextAsync(stampPath + ".tmp", JsonSerializer.Serialize(embedder), ct);
                File.Move(stampPath + ".tmp", stampPath, overwrite: true);
            }

            Load(embedder.Dimension);
            _embedder = embedder;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task UpsertAsync(IReadOnlyList<IndexedCase> cases, CancellationToken ct)
    {
        var dimension = RequireReady().Dimension;
        var records = new List<LogRecord>(cases.Count);
        foreach (var item in cases)
        {
            if (item.Vector.Length != dimension)
            {
                throw new ArgumentException($"Case '{item.Case.CaseId}' has a {item.Vector.Length}-dimensional vector; the index holds {dimension}.", nameof(cases));
            }

            var quantized = new sbyte[dimension];
            var scale = Int8Vectors.Quantize(item.Vector, quantized);
            records.Add(new LogRecord.Upsert(item.Case, quantized, scale));
        }

        await WriteAsync(records, ct);
    }

    public async Task<bool> DeleteAsync(string tenant, string caseId, CancellationToken ct)
    {
        RequireReady();
        await _writeLock.WaitAsync(ct);
        try
        {
            _lock.EnterReadLock();
            bool exists;
            try
            {
                exists = _store.Contains(tenant, caseId);
            }
            finally
            {
                _lock.ExitReadLock();
            }

            if (!exists)
            {
                return false;
            }

            AppendAndApply([new LogRecord.Delete(tenant, caseId)]);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<IReadOnlyList<CaseHit>> SearchAsync(CaseQuery query, CancellationToken ct)
    {
        var dimension = RequireReady().Dimension;
        if (query.Vector.Length != dimension)
        {
            throw new ArgumentException($"The query vector has {query.Vector.Length} dimensions; the index holds {dimension}.", nameof(query));
        }

        _lock.EnterReadLock();
        try
        {
            return Task.FromResult(_store.Search(query, dimension));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public Task<long> CountAsync(string tenant, CancellationToken ct)
    {
        RequireReady();
        _lock.EnterReadLock();
        try
        {
            return Task.FromResult((long)_store.Count(tenant));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _lock.Dispose();
        _writeLock.Dispose();
    }

    private EmbedderInfo RequireReady() =>
        _embedder ?? throw new InvalidOperationException("The embedded index is not open: call EnsureReadyAsync first.");

    private static void ThrowIfDifferent(EmbedderInfo stored, EmbedderInfo requested, string where)
    {
        if (stored != requested)
        {
            throw new CaseIndexException(
                $"The case index at {where} was built by embedder '{stored.Id}' ({stored.Dimension} dimensions), not '{requested.Id}' ({requested.Dimension} dimensions). " +
                "Re-ingest the cases into a new data directory (or delete this one) to switch embedders.",
                transient: false);
        }
    }

    private async Task WriteAsync(List<LogRecord> records, CancellationToken ct)
    {
        await _writeLock.WaitAsync(ct);
        try
        {
            AppendAndApply(records);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Durable first, visible second: a failed append (disk full) changes nothing in memory.</summary>
    private void AppendAndApply(List<LogRecord> records)
    {
        try
        {
            _log!.Append(records);
        }
        catch (IOException ex)
        {
            throw WriteFailed(ex);
        }

        _lock.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                _store.Apply(record);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        _loggedSinceSnapshot += records.Count;
        if (_loggedSinceSnapshot >= _options.CompactAfterRecords)
        {
            TryCompact();
        }
    }

    private CaseIndexException WriteFailed(IOException ex) => DiskFull.Is(ex)
        ? new CaseIndexException(
            $"The case index at {DataDirectory} is out of disk space; nothing of this write was stored. Free space there, then send it again.",
            transient: true, ex) { OutOfSpace = true }
        : new CaseIndexException($"The case index at {DataDirectory} could not write ({ex.Message}); nothing of this write was stored.", transient: true, ex);

    /// <summary>The records are durable in the log already, so a failed compaction (disk full: it needs room for a
    /// second copy) fails nothing: it is logged and tried again after as many records more.</summary>
    private void TryCompact()
    {
        try
        {
            Compact();
        }
        catch (IOException ex)
        {
            _loggedSinceSnapshot = 0;
            _logger.LogWarning(ex, "Compacting the case index at {Directory} failed; the log keeps every change, and compaction is tried again after {Count} more", DataDirectory, _options.CompactAfterRecords);
        }
    }

    private void Load(int dimension)
    {
        _store.Reset(dimension);
        var snapshotPath = Path.Combine(DataDirectory, SnapshotFile);
        if (File.Exists(snapshotPath))
        {
            foreach (var record in RecordLog.ReadFile(snapshotPath))
            {
                _store.Apply(record);
            }
        }

        _log = RecordLog.Open(Path.Combine(DataDirectory, LogFile), out var logged, out var repaired);
        if (repaired)
        {
            _logger.LogWarning("The case index log {Path} ended in a torn record (an interrupted write); it was cut off after {Count} good records", _log.Path, logged.Count);
        }

        foreach (var record in logged)
        {
            _store.Apply(record);
        }

        _loggedSinceSnapshot = logged.Count;
        _logger.LogInformation("Case index opened at {Directory}: {Count} cases", DataDirectory, _store.TotalCount);
    }

    /// <summary>
    /// Folds the log into a new snapshot (written aside, synced, renamed), then empties the log. A crash
    /// in between only means the log replays changes the snapshot already has: upserts and deletes are
    /// idempotent, so the result is the same.
    /// </summary>
    private void Compact()
    {
        List<LogRecord> live;
        _lock.EnterReadLock();
        try
        {
            live = _store.Snapshot();
        }
        finally
        {
            _lock.ExitReadLock();
        }

        RecordLog.WriteFileAtomically(Path.Combine(DataDirectory, SnapshotFile), live);
        _log!.Truncate();
        _loggedSinceSnapshot = 0;
    }
}
