using Triage.Core.Tickets;
using System.Security.Cryptography;
using Triage.Core.Classification;
using Triage.Core.Text;
using Triage.Corpus;

namespace Triage.Classifier.Data;

/// <summary>
/// Reads every <c>--data</c> source into labeled examples. A training-data directory gives its tickets
/// and resolved cases (both labeled), minus the held-out split, which comes back separately and never
/// as a training row. Rows are de-duplicated on their normalized text across all sources (first one
/// wins), and any row whose text is also in the held-out or evaluation data is dropped, so nothing a
/// model is judged on was trained on.
/// </summary>
public sealed class TrainingDataReader(Taxonomy? taxonomy = null, bool includeResolvedCases = true)
{
    public async Task<LoadedData> ReadAsync(IReadOnlyList<DataSpec> specs, IReadOnlySet<string>? evaluationTexts, CancellationToken ct)
    {
        var effectiveTaxonomy = taxonomy ?? specs.Where(s => s.IsDirectory).Select(s => new CorpusLayout(s.Path).Taxonomy).Where(File.Exists).Select(Taxonomy.Load).FirstOrDefault();
        var labels = new LabelNormalizer(effectiveTaxonomy);
        var files = new List<(string Path, ColumnMap Map, IReadOnlySet<string>? HeldOutIds, string Origin, float Weight)>();
        foreach (var spec in specs)
        {
            if (spec.IsDirectory)
            {
                var layout = new CorpusLayout(spec.Path);
                var heldOut = File.Exists(layout.TestSplit) ? await HeldOutSplit.LoadAsync(layout.TestSplit, ct) : new HashSet<string>();
                files.AddRange(layout.TicketFiles().Select(f => (f, ColumnMap.TicketSchema, (IReadOnlySet<string>?)heldOut, spec.Path, (float)spec.Weight)));
                if (includeResolvedCases)
                {
                    files.AddRange(layout.CaseFiles().Select(f => (f, ColumnMap.TicketSchema, (IReadOnlySet<string>?)heldOut, spec.Path, (float)spec.Weight)));
                }
            }
            else if (File.Exists(spec.Path))
            {
                files.Add((spec.Path, spec.Map ?? ColumnMap.TicketSchema, null, spec.Path, (float)spec.Weight));
            }
            else
            {
                throw new TrainingDataException(spec.Path, 0, "no such file or directory");
            }
        }

        // Held-out rows are read first so that their texts can be kept out of every training source.
        var parsed = new List<(string Path, IReadOnlyList<TrainingExample> Rows, IReadOnlySet<string>? HeldOutIds, string Sha, float Weight)>();
        foreach (var (path, map, heldOutIds, origin, weight) in files)
        {
            var rows = await RawRows.ReadAsync(path, map, ct);
            parsed.Add((path, rows.Select(r => ToExample(r, path, labels) with { Origin = origin, Weight = weight }).ToList(), heldOutIds, await Sha256Async(path, ct), weight));
        }

        var heldOutRows = parsed.Where(p => p.HeldOutIds is not null).SelectMany(p => p.Rows.Where(r => p.HeldOutIds!.Contains(r.Id))).ToList();
        var forbidden = new HashSet<string>(heldOutRows.Select(r => TextKey.Of(r.Input.Text)), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<TrainingExample>();
        var summaries = new List<DataSourceSummary>();
        foreach (var (path, rows, heldOutIds, sha, weight) in parsed)
        {
            int used = 0, held = 0, duplicates = 0, excluded = 0;
            foreach (var row in rows)
            {
                var key = TextKey.Of(row.Input.Text);
                if (heldOutIds?.Contains(row.Id) == true)
                {
                    held++;
                }
                else if (forbidden.Contains(key) || evaluationTexts?.Contains(key) == true)
                {
                    excluded++;
                }
                else if (!seen.Add(key))
                {
                    duplicates++;
                }
                else
                {
                    examples.Add(row);
                    used++;
                }
            }

            var perHead = HeadNames.All.ToDictionary(h => h, h => rows.Count(r => r.LabelFor(h) is not null && heldOutIds?.Contains(r.Id) != true), StringComparer.Ordinal);
            summaries.Add(new DataSourceSummary(Path.GetFileName(path), Path.GetRelativePath(Environment.CurrentDirectory, path), sha, rows.Count, used, held, duplicates, excluded, perHead) { Weight = weight });
        }

        return new LoadedData(examples, heldOutRows, summaries);
    }

    /// <summary>What a model is judged on: a directory's held-out tickets, or every row of a file.</summary>
    public async Task<IReadOnlyList<TrainingExample>> ReadForEvaluationAsync(IReadOnlyList<DataSpec> specs, CancellationToken ct)
    {
        var result = new List<TrainingExample>();
        foreach (var spec in specs)
        {
            var data = await ReadAsync([spec], null, ct);
            result.AddRange(spec.IsDirectory ? data.HeldOut : data.Examples);
        }

        return result;
    }

    private static TrainingExample ToExample(RawRows.Row row, string path, LabelNormalizer labels)
    {
        var text = row["text"] is { } whole ? TextNormalizer.Instance.Normalize(whole).Text : TextNormalizer.Instance.Normalize(row["subject"], row["body"]).Text;
        if (text.Length == 0)
        {
            throw new TrainingDataException(path, row.Line, "empty text");
        }

        var channel = Core.Tickets.Channel.Chat;
        if (row["channel"] is { Length: > 0 } channelName && !ChannelNames.TryParse(channelName, out channel))
        {
            throw new TrainingDataException(path, row.Line, $"unknown channel '{channelName}'");
        }

        var (category, intent, urgency) = labels.Normalize(row["category"], row["intent"], row["urgency"], path, row.Line);
        var detected = LanguageDetector.Detect(text);
        var language = row["language"] is { Length: > 0 } given ? given.Trim().ToLowerInvariant() : detected;
        var id = row["id"] is { Length: > 0 } rowId ? rowId : $"{Path.GetFileName(path)}:{row.Line}";
        return new TrainingExample(id, Path.GetFileName(path), path, row.Line, new ClassifierInput(text, detected, channel), language, category, intent, urgency);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
