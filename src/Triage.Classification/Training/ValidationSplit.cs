using System.Security.Cryptography;
using System.Text;
using Triage.Classifier.Data;

namespace Triage.Classifier.Training;

/// <summary>
/// Carves a validation set out of the training rows (never out of the held-out test set): stratified by
/// source file and labels, ranked within each stratum by SHA-256 of seed and id, so the same data and
/// seed always give the same split and every class of every source is represented. It serves model
/// selection, calibration and the abstention thresholds.
/// </summary>
public static class ValidationSplit
{
    public static (IReadOnlyList<TrainingExample> Train, IReadOnlyList<TrainingExample> Validation) Split(IReadOnlyList<TrainingExample> examples, double fraction, int seed)
    {
        var train = new List<TrainingExample>();
        var validation = new List<TrainingExample>();
        foreach (var stratum in examples.GroupBy(e => (e.Source, e.Category, e.Urgency)).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var ordered = stratum.OrderBy(e => Rank(e.Id, seed)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            var take = (int)Math.Round(ordered.Count * fraction, MidpointRounding.AwayFromZero);
            if (take == 0 && ordered.Count >= 4)
            {
                take = 1;
            }

            validation.AddRange(ordered.Take(take));
            train.AddRange(ordered.Skip(take));
        }

        return (Restore(train, examples), Restore(validation, examples));
    }

    /// <summary>Disjoint folds for cross-validation, stratified the same way.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Folds(IReadOnlyList<string> ids, IReadOnlyList<string> strata, int folds, int seed)
    {
        var result = Enumerable.Range(0, folds).Select(_ => new List<int>()).ToArray();
        foreach (var stratum in Enumerable.Range(0, ids.Count).GroupBy(i => strata[i]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var position = 0;
            foreach (var index in stratum.OrderBy(i => Rank(ids[i], seed)).ThenBy(i => ids[i], StringComparer.Ordinal))
            {
                result[position++ % folds].Add(index);
            }
        }

        return result;
    }

    // Keeps the caller's row order, so training sees the sources interleaved as they were read.
    private static List<TrainingExample> Restore(List<TrainingExample> subset, IReadOnlyList<TrainingExample> all)
    {
        var chosen = subset.ToHashSet(ReferenceEqualityComparer.Instance);
        return all.Where(chosen.Contains).ToList();
    }

    private static ulong Rank(string id, int seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{id}"), hash);
        return BitConverter.ToUInt64(hash[..8]);
    }
}
