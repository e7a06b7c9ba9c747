using System.Text.Json;

namespace Triage.Classifier.Data;

/// <summary>
/// Reads a JSONL, CSV or TSV file into rows of mapped fields (id, text, category...), each with its line.
/// Everything that cannot be read (bad JSON, a wrong number of CSV fields, a mapped column the file does
/// not have) is an error naming the file and line.
/// </summary>
internal static class RawRows
{
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string? this[string field] => Fields.GetValueOrDefault(field);
    }

    public static async Task<IReadOnlyList<Row>> ReadAsync(string path, ColumnMap map, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(path, ct);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".json" or ".ndjson" => JsonRows(text, path, map),
            ".tsv" or ".tab" => DelimitedRows(text, '\t', path, map),
            ".csv" => DelimitedRows(text, ',', path, map),
            var other => throw new TrainingDataException(path, 0, $"unknown file type '{other}': use .jsonl, .csv or .tsv"),
        };
    }

    private static List<Row> JsonRows(string text, string path, ColumnMap map)
    {
        var rows = new List<Row>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new TrainingDataException(path, lineNumber, $"not valid JSON: {ex.Message}");
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new TrainingDataException(path, lineNumber, "not a JSON object");
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var field in ColumnMap.Fields)
                {
                    var column = map.ColumnOf(field);
                    if (column is not null && doc.RootElement.TryGetProperty(column, out var value) && value.ValueKind != JsonValueKind.Null)
                    {
                        fields[field] = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
                    }
                }

                rows.Add(new Row(lineNumber, fields));
            }
        }

        return rows;
    }

    private static List<Row> DelimitedRows(string text, char delimiter, string path, ColumnMap map)
    {
        var rows = new List<Row>();
        using var records = DelimitedRecords.Parse(text, delimiter, path).GetEnumerator();
        if (!records.MoveNext())
        {
            return rows;
        }

        var header = records.Current.Fields.Select(h => h.Trim()).ToList();
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in ColumnMap.Fields)
        {
            var column = map.ColumnOf(field);
            if (column is null)
            {
                continue;
            }

            var index = header.IndexOf(column);
            if (index < 0)
            {
                throw new TrainingDataException(path, 1, $"--map names column '{column}' for {field}, but the header has only: {string.Join(", ", header)}");
            }

            indexOf[field] = index;
        }

        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Fields.Count != header.Count)
            {
                throw new TrainingDataException(path, record.Line, $"bad row: {record.Fields.Count} fields where the header has {header.Count}");
            }

            rows.Add(new Row(record.Line, indexOf.ToDictionary(p => p.Key, p => record.Fields[p.Value], StringComparer.Ordinal)));
        }

        return rows;
    }
}
