using System.Text;
using System.Text.Json;
using Triage.Core.Feedback;
using Triage.Corpus;

namespace Triage.Feedback.Export;

/// <summary>
/// Writes exported tickets as JSONL or TSV, row by row as they stream from the store, in the formats
/// <c>triage train</c> reads (the TSV has the JSONL's field names as its header, RFC 4180 quoting).
/// </summary>
public static class LabeledTicketWriter
{
    private static readonly string[] Columns = ["id", "language", "channel", "subject", "body", "category", "intent", "urgency", "source", "traits"];

    public static async Task<int> WriteJsonlAsync(IAsyncEnumerable<LabeledExport> rows, TextWriter writer, CancellationToken ct)
    {
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(LabeledTicketRecords.From(row), ExportJson.Options).AsMemory(), ct);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }

    public static async Task<int> WriteTsvAsync(IAsyncEnumerable<LabeledExport> rows, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteLineAsync(string.Join('\t', Columns).AsMemory(), ct);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var r = LabeledTicketRecords.From(row);
            string[] fields = [r.Id, r.Language, r.Channel, r.Subject, r.Body, r.Category, r.Intent, r.Urgency, r.Source, string.Join(',', r.Traits)];
            await writer.WriteLineAsync(string.Join('\t', fields.Select(Quote)).AsMemory(), ct);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }

    /// <summary>Quoted only when needed, so plain rows stay plain; bodies with line breaks or tabs survive intact.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny("\t\"\r\n") < 0 ? field : new StringBuilder(field.Length + 2).Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();

}
