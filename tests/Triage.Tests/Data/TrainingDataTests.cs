using Triage.Corpus;

namespace Triage.Tests.Data;

/// <summary>The committed corpus itself: the validator CI runs on every change to training-data/.</summary>
public sealed class TrainingDataTests
{
    private static readonly CorpusLayout Layout = new(Paths.TrainingData);

    [Fact]
    public async Task The_committed_corpus_passes_the_validator_with_the_required_counts()
    {
        var report = await CorpusValidator.CheckAsync(Layout, new CorpusRequirements());
        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Issues.Take(30)));
    }

    [Fact]
    public async Task The_committed_split_is_complete_and_reproducible()
    {
        var report = await CorpusValidator.CheckAsync(Layout, CorpusRequirements.None);
        var redrawn = HeldOutSplit.Draw(report.Tickets.Select(t => t.Record), existing: report.HeldOut);
        Assert.Equal(report.HeldOut.Order(StringComparer.Ordinal), redrawn);
        var share = (double)report.HeldOut.Count / report.Tickets.Count;
        Assert.InRange(share, 0.15, 0.25);
    }

    [Fact]
    public async Task Every_urgency_level_and_channel_is_well_represented_in_both_languages()
    {
        var report = await CorpusValidator.CheckAsync(Layout, CorpusRequirements.None);
        foreach (var language in new[] { "ko", "en" })
        {
            var tickets = report.Tickets.Select(t => t.Record).Where(t => t.Language == language).ToList();
            foreach (var urgency in new[] { "urgent", "high", "normal", "low" })
            {
                Assert.True(tickets.Count(t => t.Urgency == urgency) >= tickets.Count / 25, $"{language}: too few '{urgency}' tickets");
            }

            foreach (var channel in CorpusValidator.Channels)
            {
                Assert.True(tickets.Count(t => t.Channel == channel) >= tickets.Count / 20, $"{language}: too few '{channel}' tickets");
            }
        }
    }
}
