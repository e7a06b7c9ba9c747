using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Triage.Corpus;

/// <summary>Reads JSON Lines records, streaming, reporting the file and line of any bad one.</summary>
public static class JsonLines
{
    private static readonly JsonSerializerOptions Options = new() { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    public static async IAsyncEnumerable<Located<T>> ReadAsync<T>(string path, IList<CorpusIssue> issues, [EnumeratorCancellation] CancellationToken ct = default)
        where T : class
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? record = null;
            try
            {
                record = JsonSerializer.Deserialize<T>(line, Options);
            }
            catch (JsonException ex)
            {
                issues.Add(new CorpusIssue(path, lineNumber, "json", $"not a JSON object of the expected shape: {ex.Message}"));
            }

            if (record is not null)
            {
                yield return new Located<T>(record, path, lineNumber);
            }
        }
    }
}
