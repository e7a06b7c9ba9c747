using Triage.Core.Retrieval;

namespace Triage.Retrieval.Embedded;

/// <summary>
/// The in-memory side of the embedded index: cases in slots, their int8 vectors in one flat array, and
/// a map from (tenant, case id) to slot. Not thread-safe: <see cref="EmbeddedCaseIndex"/> guards it.
/// </summary>
internal sealed class CaseStore
{
    private readonly Dictionary<(string Tenant, string CaseId), int> _slotOf = [];
    private readonly Dictionary<string, int> _perTenant = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private readonly List<CaseRecord?> _cases = [];
    private readonly Dictionary<string, int> _tenantIds = new(StringComparer.Ordinal);

    /// <summary>Per slot, its tenant's small-integer id (-1 when free): the scan compares ints in a
    /// contiguous array instead of chasing each case object for its tenant string.</summary>
    private int[] _tenantOfSlot = [];
    private sbyte[] _vectors = [];
    private float[] _scales = [];
    private int _dimension;

    public int TotalCount => _slotOf.Count;

    public void Reset(int dimension)
    {
        _dimension = dimension;
        _slotOf.Clear();
        _perTenant.Clear();
        _free.Clear();
        _cases.Clear();
        _tenantIds.Clear();
        _vectors = new sbyte[dimension * 1024];
        _scales = new float[1024];
        _tenantOfSlot = new int[1024];
        Array.Fill(_tenantOfSlot, -1);
    }

    public bool Contains(string tenant, string caseId) => _slotOf.ContainsKey((tenant, caseId));

    public int Count(string tenant) => _perTenant.GetValueOrDefault(tenant);

    public void Apply(LogRecord record)
    {
        switch (record)
        {
            case LogRecord.Upsert u:
                var key = (u.Case.Tenant, u.Case.CaseId);
                if (!_slotOf.TryGetValue(key, out var slot))
                {
                    slot = _free.Count > 0 ? _free.Pop() : NewSlot();
                    _slotOf[key] = slot;
                    _perTenant[u.Case.Tenant] = _perTenant.GetValueOrDefault(u.Case.Tenant) + 1;
                }

                _cases[slot] = u.Case;
                if (!_tenantIds.TryGetValue(u.Case.Tenant, out var tenantId))
                {
                    _tenantIds[u.Case.Tenant] = tenantId = _tenantIds.Count;
                }

                _tenantOfSlot[slot] = tenantId;
                u.Vector.CopyTo(_vectors.AsSpan(slot * _dimension, _dimension));
                _scales[slot] = u.Scale;
                break;
            case LogRecord.Delete d:
                if (_slotOf.Remove((d.Tenant, d.CaseId), out var freed))
                {
                    _cases[freed] = null;
                    _tenantOfSlot[freed] = -1;
                    _free.Push(freed);
                    _perTenant[d.Tenant]--;
                }

                break;
        }
    }

    public IReadOnlyList<CaseHit> Search(CaseQuery query, int dimension)
    {
        if (query.TopK <= 0 || Count(query.Tenant) == 0 || !_tenantIds.TryGetValue(query.Tenant, out var tenantId))
        {
            return [];
        }

        var q = new sbyte[dimension];
        var qScale = Int8Vectors.Quantize(query.Vector, q);
        var best = new PriorityQueue<int, float>(query.TopK + 1);
        var f = query.Filter;
        var filtered = f != CaseFilter.None;
        var tenants = _tenantOfSlot.AsSpan(0, _cases.Count);
        for (var slot = 0; slot < tenants.Length; slot++)
        {
            if (tenants[slot] != tenantId || (filtered && !Matches(_cases[slot]!, f)))
            {
                continue;
            }

            var similarity = Int8Vectors.Dot(q, _vectors.AsSpan(slot * dimension, dimension)) * qScale * _scales[slot];
            if (similarity < query.MinSimilarity)
            {
                continue;
            }

            if (best.Count < query.TopK)
            {
                best.Enqueue(slot, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(slot, similarity);
            }
        }

        var hits = new List<CaseHit>(best.Count);
        while (best.TryDequeue(out var slot, out var similarity))
        {
            hits.Add(new CaseHit(_cases[slot]!, Math.Min(similarity, 1f)));
        }

        hits.Reverse();
        return hits;
    }

    public List<LogRecord> Snapshot()
    {
        var records = new List<LogRecord>(_slotOf.Count);
        foreach (var slot in _slotOf.Values.Order())
        {
            records.Add(new LogRecord.Upsert(_cases[slot]!, _vectors.AsSpan(slot * _dimension, _dimension).ToArray(), _scales[slot]));
        }

        return records;
    }

    private static bool Matches(CaseRecord c, CaseFilter f) =>
        (f.Category is null || c.Category == f.Category)
        && (f.Intent is null || c.Intent == f.Intent)
        && (f.Language is null || c.Language == f.Language)
        && (f.Channel is null || c.Channel == f.Channel)
        && (f.ResolvedAfter is null || c.ResolvedAt > f.ResolvedAfter);

    private int NewSlot()
    {
        var slot = _cases.Count;
        _cases.Add(null);
        if (slot + 1 > _scales.Length)
        {
            Array.Resize(ref _vectors, _vectors.Length * 2);
            Array.Resize(ref _scales, _scales.Length * 2);
            var grown = _tenantOfSlot.Length;
            Array.Resize(ref _tenantOfSlot, grown * 2);
            Array.Fill(_tenantOfSlot, -1, grown, grown);
        }

        return slot;
    }
}
