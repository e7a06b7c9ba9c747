using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>
/// One collection of the fake server. Writes follow Qdrant's wait semantics: a write with wait=true is
/// applied (after every earlier pending write) before the call returns Completed; a write without it
/// returns Acknowledged and only becomes visible later, so a client that forgets wait=true reads stale data.
/// </summary>
internal sealed class FakeCollection(string name, ulong size, Distance distance, TimeSpan unwaitedDelay)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, FakePoint> _points = [];
    private readonly Queue<Action> _pending = new();
    private readonly Dictionary<string, (PayloadSchemaType Type, bool IsTenant)> _indexes = [];
    private ulong _version;

    public string Name { get; } = name;

    public ulong Size { get; } = size;

    public Distance Distance { get; } = distance;

    public CollectionInfo Info()
    {
        lock (_lock)
        {
            var info = new CollectionInfo
            {
                Config = new CollectionConfig
                {
                    Params = new CollectionParams { VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = Size, Distance = Distance } } },
                },
                PointsCount = (ulong)_points.Count,
            };
            foreach (var (field, index) in _indexes)
            {
                var schema = new PayloadSchemaInfo { DataType = index.Type };
                if (index.IsTenant)
                {
                    schema.Params = new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } };
                }

                info.PayloadSchema[field] = schema;
            }

            return info;
        }
    }

    public (bool IsTenant, PayloadSchemaType Type)? IndexOf(string field)
    {
        lock (_lock)
        {
            return _indexes.TryGetValue(field, out var index) ? (index.IsTenant, index.Type) : null;
        }
    }

    public UpdateStatus Upsert(IEnumerable<PointStruct> points, bool wait)
    {
        // Validate the whole batch first: Qdrant rejects a malformed batch without applying any of it.
        var accepted = points.Select(p =>
        {
            var (key, id) = FakePoint.Identify(p.Id);
            var vector = FakePoint.ReadVector(p.Vectors, Size);
            return (key, id, vector, payload: p.Payload.Clone());
        }).ToList();
        return Write(wait, () =>
        {
            foreach (var (key, id, vector, payload) in accepted)
            {
                _points[key] = new FakePoint(id, Distance == Distance.Cosine ? Normalized(vector) : vector, payload, ++_version);
            }
        });
    }

    public UpdateStatus Delete(PointsSelector? selector, bool wait)
    {
        return selector?.PointsSelectorOneOfCase switch
        {
            PointsSelector.PointsSelectorOneOfOneofCase.Points => DeleteKeys(selector.Points.Ids.Select(id => FakePoint.Identify(id).Key).ToList(), wait),
            PointsSelector.PointsSelectorOneOfOneofCase.Filter => Write(wait, () =>
            {
                foreach (var key in _points.Where(p => FakeFilter.Matches(selector.Filter, p.Value)).Select(p => p.Key).ToList())
                {
                    _points.Remove(key);
                }
            }),
            _ => throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: no points selector"),
        };
    }

    public UpdateStatus CreateIndex(string field, PayloadSchemaType type, bool isTenant, bool wait) =>
        Write(wait, () => _indexes[field] = (type, isTenant));

    public IReadOnlyList<FakePoint> Get(IEnumerable<PointId> ids)
    {
        var keys = ids.Select(id => FakePoint.Identify(id).Key).ToList();
        lock (_lock)
        {
            return keys.Where(_points.ContainsKey).Select(k => _points[k]).ToList();
        }
    }

    public ulong Count(Filter? filter)
    {
        lock (_lock)
        {
            return (ulong)_points.Values.Count(p => FakeFilter.Matches(filter, p));
        }
    }

    /// <summary>Nearest neighbours: best first (highest similarity, or smallest distance for Euclid and Manhattan),
    /// cut at the threshold, then at the limit.</summary>
    public IReadOnlyList<(FakePoint Point, float Score)> Nearest(float[] query, Filter? filter, float? threshold, int limit)
    {
        if ((ulong)query.Length != Size)
        {
            throw FakePoint.Fail(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {Size}, got {query.Length}");
        }

        var q = Distance == Distance.Cosine ? Normalized(query) : query;
        var smallerIsBetter = Distance is Distance.Euclid or Distance.Manhattan;
        lock (_lock)
        {
            var scored = _points.Values.Where(p => FakeFilter.Matches(filter, p)).Select(p => (Point: p, Score: Score(q, p.Vector)));
            if (threshold is { } t)
            {
                scored = scored.Where(s => smallerIsBetter ? s.Score <= t : s.Score >= t);
            }

            var ordered = smallerIsBetter ? scored.OrderBy(s => s.Score) : scored.OrderByDescending(s => s.Score);
            return ordered.ThenBy(s => FakePoint.Identify(s.Point.Id).Key, StringComparer.Ordinal).Take(limit).ToList();
        }
    }

    private UpdateStatus DeleteKeys(List<string> keys, bool wait) => Write(wait, () =>
    {
        foreach (var key in keys)
        {
            _points.Remove(key);
        }
    });

    private UpdateStatus Write(bool wait, Action apply)
    {
        lock (_lock)
        {
            if (wait)
            {
                Flush();
                apply();
                return UpdateStatus.Completed;
            }

            _pending.Enqueue(apply);
        }

        _ = Task.Delay(unwaitedDelay).ContinueWith(_ =>
        {
            lock (_lock)
            {
                Flush();
            }
        }, TaskScheduler.Default);
        return UpdateStatus.Acknowledged;
    }

    private void Flush()
    {
        while (_pending.TryDequeue(out var apply))
        {
            apply();
        }
    }

    private float Score(float[] q, float[] v) => Distance switch
    {
        Distance.Cosine or Distance.Dot => q.Zip(v, (a, b) => a * b).Sum(),
        Distance.Euclid => MathF.Sqrt(q.Zip(v, (a, b) => (a - b) * (a - b)).Sum()),
        Distance.Manhattan => q.Zip(v, (a, b) => MathF.Abs(a - b)).Sum(),
        _ => throw FakePoint.Fail(StatusCode.Internal, $"collection {Name} has no distance"),
    };

    private static float[] Normalized(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : v.Select(x => x / norm).ToArray();
    }
}
