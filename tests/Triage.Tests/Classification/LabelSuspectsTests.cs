using Triage.Classifier.Training;

namespace Triage.Tests.Classification;

public sealed class LabelSuspectsTests
{
    [Fact]
    public async Task Rows_with_flipped_labels_are_the_ones_listed_as_suspects()
    {
        var examples = Fixtures.Examples().ToList();
        var flipped = new[] { 4, 40, 77, 120 };
        foreach (var i in flipped)
        {
            examples[i] = examples[i] with { Category = examples[i].Category == "account" ? "delivery" : "account", Intent = null, Urgency = null };
        }

        var suspects = await new LabelSuspects(new TrainingOptions(), TextWriter.Null).FindAsync(examples, folds: 4, minConfidence: 0.4, CancellationToken.None);

        var categorySuspects = suspects.Where(s => s.Head == "category").Select(s => s.Example.Id).ToHashSet();
        Assert.All(flipped, i => Assert.Contains(examples[i].Id, categorySuspects));
        Assert.True(categorySuspects.Count <= examples.Count / 10, $"{categorySuspects.Count} suspects among {examples.Count} rows for {flipped.Length} flipped labels");
        Assert.All(suspects, s => Assert.NotEqual(s.Label, s.Predicted));
    }
}
