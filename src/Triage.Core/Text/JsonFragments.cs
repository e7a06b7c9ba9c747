using System.Text;
using System.Text.Json;

namespace Triage.Core.Text;

/// <summary>
/// JSON objects pasted into a ticket by an upstream system (<c>{"type": "other", "value": "..."}</c>).
/// The object is replaced by its human text values; keys and machine values (type, id, status...) go.
/// </summary>
internal static class JsonFragments
{
    private static readonly HashSet<string> MachineKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "kind", "id", "uuid", "status", "code", "lang", "language", "locale", "timestamp", "ts", "time",
        "created_at", "updated_at", "version", "channel", "source", "format", "mime", "encoding",
    };

    public static string Replace(string text, ref NoiseKinds noise)
    {
        if (!text.Contains("{\"", StringComparison.Ordinal) && !text.Contains("{ \"", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '{' && LooksLikeObjectStart(text, i) && TryFindEnd(text, i, out var end)
                && TryExtract(text.AsSpan(i, end - i + 1), out var values))
            {
                noise |= NoiseKinds.JsonFragment;
                sb.Append(' ').Append(values).Append(' ');
                i = end + 1;
                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static bool LooksLikeObjectStart(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        return j < text.Length && text[j] == '"';
    }

    /// <summary>Finds the brace closing the object at <paramref name="start"/>, honouring strings and escapes.</summary>
    private static bool TryFindEnd(string text, int start, out int end)
    {
        var depth = 0;
        var inString = false;
        for (var k = start; k < text.Length && k - start < 64 * 1024; k++)
        {
            var c = text[k];
            if (inString)
            {
                if (c == '\\')
                {
                    k++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        end = k;
                        return true;
                    }

                    break;
            }
        }

        end = -1;
        return false;
    }

    private static bool TryExtract(ReadOnlySpan<char> json, out string values)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToString(), new JsonDocumentOptions { MaxDepth = 16 });
            var sb = new StringBuilder();
            Collect(doc.RootElement, key: null, sb);
            values = sb.ToString().Trim();
            return true;
        }
        catch (JsonException)
        {
            values = string.Empty;
            return false;
        }
    }

    private static void Collect(JsonElement element, string? key, StringBuilder sb)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, property.Name, sb);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, key, sb);
                }

                break;
            case JsonValueKind.String when key is null || !MachineKeys.Contains(key):
                sb.Append(element.GetString()).Append(' ');
                break;
        }
    }
}
