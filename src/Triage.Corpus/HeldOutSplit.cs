using System.Security.Cryptography;
using System.Text;

namespace Triage.Corpus;

/// <summary>
/// The fixed held-out test set: ticket ids that never enter training. Drawn once, stratified by
/// language, category and urgency, and committed as a file so every model is judged on the same tickets.
/// The draw is a pure function of the ids and the seed: re-running it reproduces the file exactly.
/// Once committed the split is fixed: a re-draw keeps every id already held out and only tops strata
/// up from tickets added since, so a growing corpus never moves a test ticket into training.
/// </summary>
public static class HeldOutSplit
{
    public const double DefaultFraction = 0.18;
    public const int DefaultSeed = 20261129;

    public static IReadOnlyList<string> Draw(IEnumerable<LabeledTicketRecord> tickets, double fraction = DefaultFraction, int seed = DefaultSeed, IReadOnlySet<string>? existing = null)
    {
        existing ??= new HashSet<string>();
        var chosen = new List<string>();
        foreach (var stratum in tickets.GroupBy(t => (t.Language, t.Category, t.Urgency)))
        {
            // Already held out first, then the rest by their seeded rank.
            var ordered = stratum.OrderBy(t => existing.Contains(t.Id) ? 0 : 1).ThenBy(t => Rank(t.Id, seed)).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            // Rounded per stratum, but any stratum of four or more gives at least one ticket, so rare
            // combinations (urgent newsletter) are tested too.
            var take = (int)Math.Round(ordered.Count * fraction, MidpointRounding.AwayFromZero);
            if (take == 0 && ordered.Count >= 4)
            {
                take = 1;
            }

            take = Math.Max(take, ordered.Count(t => existing.Contains(t.Id)));
            chosen.AddRange(ordered.Take(take).Select(t => t.Id));
        }

        chosen.Sort(StringComparer.Ordinal);
        return chosen;
    }

    public static async Task WriteAsync(string path, IReadOnlyList<string> ids, double fraction, int seed, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var header = new[]
        {
            "# Held-out test set: these ticket ids never enter training.",
            $"# Drawn by `triage data split --fraction {fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} --seed {seed}`:",
            "# stratified by (language, category, urgency), ranked by SHA-256(seed:id) within each stratum.",
        };
        await File.WriteAllLinesAsync(path, header.Concat(ids), ct);
    }

    public static async Task<IReadOnlySet<string>> LoadAsync(string path, CancellationToken ct)
    {
        var lines = await File.ReadAllLinesAsync(path, ct);
        return lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    }

    private static ulong Rank(string id, int seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{id}"), hash);
        return BitConverter.ToUInt64(hash[..8]);
    }
}
