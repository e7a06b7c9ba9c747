using Triage.Core.Text;

namespace Triage.Corpus;

/// <summary>
/// Finds pairs of texts whose character 3-gram sets overlap by at least a Jaccard threshold: the
/// "same skeleton, different nouns" tickets that let a model learn a writer's template instead of the
/// meaning, and that would leak between training and held-out data. MinHash with banded LSH proposes
/// candidate pairs; each candidate is confirmed with the exact Jaccard similarity.
/// </summary>
public static class NearDuplicates
{
    private const int Hashes = 96;
    private const int Bands = 24; // 4 rows a band: pairs at Jaccard 0.6 are proposed with probability ~0.96.
    private const int Rows = Hashes / Bands;

    public sealed record Pair(string FirstId, string SecondId, double Similarity);

    public static IReadOnlyList<Pair> Find(IReadOnlyList<(string Id, string Text)> items, double threshold)
    {
        var shingles = items.Select(i => Shingles(i.Text)).ToArray();
        var signatures = shingles.Select(Signature).ToArray();
        var candidates = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < items.Count; i++)
            {
                if (shingles[i].Length == 0)
                {
                    continue;
                }

                var key = 1469598103934665603UL;
                for (var r = 0; r < Rows; r++)
                {
                    key = (key ^ signatures[i][(band * Rows) + r]) * 1099511628211UL;
                }

                if (!buckets.TryGetValue(key, out var bucket))
                {
                    buckets[key] = bucket = [];
                }

                bucket.Add(i);
            }

            foreach (var bucket in buckets.Values.Where(b => b.Count > 1))
            {
                for (var a = 0; a < bucket.Count; a++)
                {
                    for (var b = a + 1; b < bucket.Count; b++)
                    {
                        candidates.Add((bucket[a], bucket[b]));
                    }
                }
            }
        }

        var pairs = new List<Pair>();
        foreach (var (a, b) in candidates)
        {
            var similarity = Jaccard(shingles[a], shingles[b]);
            if (similarity >= threshold)
            {
                pairs.Add(new Pair(items[a].Id, items[b].Id, similarity));
            }
        }

        return pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.FirstId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sorted distinct hashes of the character 3-grams of the normalized, lower-cased text without spaces.</summary>
    internal static uint[] Shingles(string text)
    {
        var normalized = TextNormalizer.Instance.Normalize(text).Text.ToLowerInvariant();
        var compact = new string(normalized.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var set = new HashSet<uint>();
        for (var i = 0; i + 3 <= compact.Length; i++)
        {
            set.Add(Fnv(compact.AsSpan(i, 3)));
        }

        var array = set.ToArray();
        Array.Sort(array);
        return array;
    }

    internal static double Jaccard(uint[] a, uint[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var union = a.Length + b.Length - common;
        return union == 0 ? 0 : (double)common / union;
    }

    private static ulong[] Signature(uint[] shingles)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var s in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                var value = Mix(s, (ulong)h);
                if (value < signature[h])
                {
                    signature[h] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>A fixed family of hash functions (splitmix64 over shingle and seed): the same input always gives the same pairs.</summary>
    private static ulong Mix(uint shingle, ulong seed)
    {
        var z = shingle + ((seed + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static uint Fnv(ReadOnlySpan<char> s)
    {
        var hash = 2166136261u;
        foreach (var c in s)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
