using Triage.Corpus;

namespace Triage.Classifier.Data;

/// <summary>
/// Turns a raw label cell into the label the model learns, or null when the row has none for that head.
/// Labels are compared lower-case (Bitext writes SHIPPING_ADDRESS for shipping_address); with a taxonomy,
/// a value outside it is an error naming the file and line, never a silently new class.
/// </summary>
internal sealed class LabelNormalizer(Taxonomy? taxonomy)
{
    public (string? Category, string? Intent, string? Urgency) Normalize(string? category, string? intent, string? urgency, string file, int line)
    {
        var c = Clean(category);
        var i = Clean(intent);
        var u = Clean(urgency);
        if (taxonomy is null)
        {
            return (c, i, u);
        }

        if (c is not null && !taxonomy.IsCategory(c))
        {
            throw new TrainingDataException(file, line, $"unknown category '{category}' (taxonomy: {string.Join(", ", taxonomy.Categories.Keys)})");
        }

        if (i is not null)
        {
            var owner = taxonomy.CategoryOf(i) ?? throw new TrainingDataException(file, line, $"unknown intent '{intent}'");
            if (c is not null && owner != c)
            {
                throw new TrainingDataException(file, line, $"intent '{i}' belongs to category '{owner}', not '{c}'");
            }
        }

        if (u is not null && !taxonomy.IsUrgency(u))
        {
            throw new TrainingDataException(file, line, $"unknown urgency '{urgency}' (taxonomy: {string.Join(", ", taxonomy.Urgency.Keys)})");
        }

        return (c, i, u);
    }

    private static string? Clean(string? label)
    {
        var trimmed = label?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }
}
