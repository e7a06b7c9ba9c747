using Triage.Classifier.Evaluation;

namespace Triage.Tests.Classification;

public sealed class HtmlReportTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    [Fact]
    public void The_report_has_a_confusion_matrix_and_an_svg_reliability_plot_per_head()
    {
        var metrics = ModelEvaluator.Evaluate(fixture.Bundle.Model, Fixtures.Examples(perIntent: 6, seed: 99));
        var html = HtmlReport.Render("fixture <evaluation>", fixture.Bundle.Card.Version, metrics);
        Assert.Equal(3, CountOf(html, "<svg "));
        Assert.Equal(3, CountOf(html, "Confusion matrix"));
        Assert.Contains("fixture &lt;evaluation&gt;", html, StringComparison.Ordinal);
        Assert.Contains(">get_refund<", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
