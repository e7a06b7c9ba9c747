using Triage.Classifier.Bundle;

namespace Triage.Classifier.Inference;

/// <summary>
/// Lets the intent head vote on the category: each category's probability becomes its own plus
/// <c>weight</c> times the summed probabilities of its intents, renormalised. The intent head learns
/// finer distinctions ("change the address on my order" is change_shipping_address, not an order
/// change), and on tickets unlike the training text the two heads err differently, so their sum is
/// right more often than either. The weight is chosen on validation data and kept in the model card.
/// </summary>
internal sealed class CategoryBlend
{
    private readonly int[] _categoryOfIntent;

    private CategoryBlend(double weight, int[] categoryOfIntent)
    {
        Weight = weight;
        _categoryOfIntent = categoryOfIntent;
    }

    public double Weight { get; }

    /// <summary>The blend a card describes, or null when it has none (weight 0, or an older bundle).</summary>
    public static CategoryBlend? From(ModelCard card, IReadOnlyList<string> categoryLabels, IReadOnlyList<string> intentLabels) =>
        card.IntentWeightInCategory > 0 ? Create(card.IntentWeightInCategory, card.IntentCategories, categoryLabels, intentLabels) : null;

    public static CategoryBlend Create(double weight, IReadOnlyDictionary<string, string> intentCategories, IReadOnlyList<string> categoryLabels, IReadOnlyList<string> intentLabels)
    {
        var index = categoryLabels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var map = intentLabels.Select(intent => intentCategories.TryGetValue(intent, out var category) && index.TryGetValue(category, out var c) ? c : -1).ToArray();
        return new CategoryBlend(weight, map);
    }

    /// <summary>Blends <paramref name="intent"/> (probabilities in intent-label order) into <paramref name="category"/> in place.</summary>
    public void Apply(Span<double> category, ReadOnlySpan<double> intent)
    {
        for (var i = 0; i < intent.Length && i < _categoryOfIntent.Length; i++)
        {
            if (_categoryOfIntent[i] >= 0)
            {
                category[_categoryOfIntent[i]] += Weight * intent[i];
            }
        }

        var sum = 0.0;
        foreach (var p in category)
        {
            sum += p;
        }

        if (sum > 0)
        {
            for (var c = 0; c < category.Length; c++)
            {
                category[c] /= sum;
            }
        }
    }
}
