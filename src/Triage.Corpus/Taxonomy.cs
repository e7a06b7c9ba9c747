using System.Text.Json;

namespace Triage.Corpus;

/// <summary>
/// A label set: categories with their intents, and urgency levels with first-response targets. Loaded
/// from a file (training-data/taxonomy.json by default) because labels are data, not code.
/// </summary>
public sealed class Taxonomy
{
    private readonly Dictionary<string, string> _categoryOfIntent;

    public Taxonomy(IReadOnlyDictionary<string, IReadOnlyList<string>> categories, IReadOnlyDictionary<string, TimeSpan> urgency)
    {
        Categories = categories;
        Urgency = urgency;
        _categoryOfIntent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (category, intents) in categories)
        {
            foreach (var intent in intents)
            {
                if (!_categoryOfIntent.TryAdd(intent, category))
                {
                    throw new InvalidDataException($"Intent '{intent}' is listed under both '{_categoryOfIntent[intent]}' and '{category}'.");
                }
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Categories { get; }

    /// <summary>Urgency level to its first-response target, most urgent first.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Urgency { get; }

    public IEnumerable<string> Intents => _categoryOfIntent.Keys;

    public bool IsCategory(string value) => Categories.ContainsKey(value);

    public bool IsUrgency(string value) => Urgency.ContainsKey(value);

    public string? CategoryOf(string intent) => _categoryOfIntent.GetValueOrDefault(intent);

    public static Taxonomy Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var categories = root.GetProperty("categories").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(i => i.GetString() ?? throw new InvalidDataException($"{path}: null intent under '{p.Name}'.")).ToList(),
            StringComparer.Ordinal);
        var urgency = root.GetProperty("urgency").EnumerateObject().ToDictionary(
            p => p.Name,
            p => TimeSpan.FromHours(p.Value.GetDouble()),
            StringComparer.Ordinal);
        return new Taxonomy(categories, urgency);
    }
}
