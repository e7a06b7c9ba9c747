using Triage.Classifier.Data;
using Triage.Classifier.Inference;
using Triage.Classifier.Training;

namespace Triage.Tests.Classification;

public sealed class CategoryBlendTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    private static readonly string[] Categories = ["order", "shipping_address"];
    private static readonly string[] Intents = ["cancel_order", "change_order", "change_shipping_address"];
    private static readonly Dictionary<string, string> Map = new()
    {
        ["cancel_order"] = "order",
        ["change_order"] = "order",
        ["change_shipping_address"] = "shipping_address",
    };

    [Fact]
    public void Intents_vote_for_their_category_and_the_result_stays_a_distribution()
    {
        // The category head leans to "order"; the intent head is sure it is an address change.
        double[] category = [0.6, 0.4];
        var blend = CategoryBlend.Create(1.0, Map, Categories, Intents);

        blend.Apply(category, [0.05, 0.05, 0.9]);

        Assert.Equal((0.6 + 0.1) / 2, category[0], 6);
        Assert.Equal((0.4 + 0.9) / 2, category[1], 6);
        Assert.Equal(1.0, category.Sum(), 6);
    }

    [Fact]
    public void An_intent_of_a_category_the_model_does_not_know_is_ignored()
    {
        double[] category = [0.5, 0.5];
        var map = new Dictionary<string, string>(Map) { ["change_order"] = "weather" };
        CategoryBlend.Create(1.0, map, Categories, Intents).Apply(category, [0.0, 1.0, 0.0]);
        Assert.Equal([0.5, 0.5], category);
    }

    [Fact]
    public void A_card_without_a_weight_blends_nothing()
    {
        var card = fixture.Bundle.Card with { IntentWeightInCategory = 0 };
        Assert.Null(CategoryBlend.From(card, Categories, Intents));
    }

    [Fact]
    public void Each_intent_maps_to_the_category_most_of_its_rows_carry()
    {
        var rows = new[]
        {
            Fixtures.Example("a", "x", "order", "change_order", null),
            Fixtures.Example("b", "y", "order", "change_order", null),
            Fixtures.Example("c", "z", "shipping_address", "change_order", null),
            Fixtures.Example("d", "w", "refund", null, null),
        };

        var map = CategoryBlendSelection.IntentCategories(rows);

        Assert.Equal("order", Assert.Single(map).Value);
    }

    [Fact]
    public void Training_records_the_chosen_weight_and_the_mapping_and_serving_reports_it()
    {
        var card = fixture.Bundle.Card;
        Assert.Contains(card.IntentWeightInCategory, CategoryBlendSelection.Weights);
        Assert.NotEmpty(card.IntentCategories);
        Assert.All(card.IntentCategories, p => Assert.Contains(p.Value, card.Heads[HeadNames.Category].Labels));
        var category = fixture.Bundle.Model.Description.Heads.Single(h => h.Head == HeadNames.Category);
        Assert.Equal(card.IntentWeightInCategory, category.Metrics["intent_weight_in_category"]);
    }
}
