using Triage.Classifier.Data;
using Triage.Classifier.Evaluation;
using Triage.Core.Classification;

namespace Triage.Classifier.Bundle;

/// <summary>
/// Staged → active → backup. A freshly trained (staged) bundle replaces the active one only if, scored
/// on the same held-out data, no head's macro-F1 drops by more than the tolerance (noise between two
/// equally good models); the replaced bundle becomes the backup. Every file lands by writing a temporary
/// file in the target folder and renaming it over the target, so the server's watcher only ever sees
/// whole bundles, and a crash mid-way leaves the old active bundle in place.
/// </summary>
public static class BundlePromotion
{
    public static PromotionDecision Decide(IClassifierModel candidate, IClassifierModel? active, string? activeProblem,
        IReadOnlyList<(string Name, IReadOnlyList<TrainingExample> Rows)> evaluations, double tolerance, CancellationToken ct)
    {
        var comparisons = new List<HeadComparison>();
        foreach (var (name, rows) in evaluations.Where(e => e.Rows.Count > 0))
        {
            var mine = ModelEvaluator.Evaluate(candidate, rows, ct);
            var theirs = active is null ? null : ModelEvaluator.Evaluate(active, rows, ct);
            comparisons.AddRange(mine.Select(m => new HeadComparison(name, m.Key, m.Value.MacroF1, theirs?.GetValueOrDefault(m.Key)?.MacroF1)));
        }

        if (active is null)
        {
            return new PromotionDecision(true, activeProblem ?? "no active bundle yet", comparisons);
        }

        var worse = comparisons.Where(c => c.Change < -tolerance).ToList();
        return worse.Count == 0
            ? new PromotionDecision(true, $"not worse than the active bundle {active.Description.Version} on any head (tolerance {tolerance})", comparisons)
            : new PromotionDecision(false, "worse than the active bundle on " + string.Join(", ", worse.Select(w => $"{w.Evaluation}/{w.Head} ({w.Active:F3} -> {w.Candidate:F3})")), comparisons);
    }

    /// <summary>Makes the staged bundle active and the active one the backup; the model card is copied beside the active bundle.</summary>
    public static async Task PromoteAsync(string staged, string active, string backup, CancellationToken ct)
    {
        if (File.Exists(active))
        {
            await CopyAtomicallyAsync(active, backup, ct);
        }

        await CopyAtomicallyAsync(staged, active, ct);
        var card = ModelBundleLoader.ReadCard(active);
        await WriteAtomicallyAsync(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(active))!, BundleLayout.CardFile), CardJson.Serialize(card), ct);
    }

    private static async Task CopyAtomicallyAsync(string source, string target, CancellationToken ct)
    {
        var temp = TempBeside(target);
        try
        {
            await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            await using (var to = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await from.CopyToAsync(to, ct);
                await to.FlushAsync(ct);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static async Task WriteAtomicallyAsync(string target, string content, CancellationToken ct)
    {
        var temp = TempBeside(target);
        try
        {
            await File.WriteAllTextAsync(temp, content, ct);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string TempBeside(string target)
    {
        var full = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
