namespace Triage.Classifier.Data;

/// <summary>
/// Which column of an export holds which field, written <c>text=utterance,category=category,intent=intent</c>.
/// Fields: id, text (or subject and body), channel, language, category, intent, urgency. A field left
/// unmapped is absent: a file without urgency trains only the other heads.
/// </summary>
public sealed class ColumnMap
{
    public static readonly IReadOnlyList<string> Fields = ["id", "text", "subject", "body", "channel", "language", "category", "intent", "urgency"];

    private readonly Dictionary<string, string> _columnOfField;

    private ColumnMap(Dictionary<string, string> columnOfField) => _columnOfField = columnOfField;

    /// <summary>The training-data ticket schema: every field under its own name.</summary>
    public static ColumnMap TicketSchema { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "id", ["subject"] = "subject", ["body"] = "body", ["channel"] = "channel", ["language"] = "language",
        ["category"] = "category", ["intent"] = "intent", ["urgency"] = "urgency",
    });

    public static ColumnMap Parse(string spec)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new FormatException($"--map: '{pair}' is not field=column");
            }

            var field = parts[0].ToLowerInvariant();
            if (!Fields.Contains(field))
            {
                throw new FormatException($"--map: unknown field '{parts[0]}' (fields: {string.Join(", ", Fields)})");
            }

            if (!map.TryAdd(field, parts[1]))
            {
                throw new FormatException($"--map: field '{field}' is mapped twice");
            }
        }

        if (!map.ContainsKey("text") && !map.ContainsKey("body"))
        {
            throw new FormatException("--map: map 'text' (or 'body') to the column holding the customer's text");
        }

        return new ColumnMap(map);
    }

    public string? ColumnOf(string field) => _columnOfField.GetValueOrDefault(field);

    public IEnumerable<string> MappedColumns => _columnOfField.Values;

    public override string ToString() => string.Join(",", _columnOfField.Select(p => $"{p.Key}={p.Value}"));
}
