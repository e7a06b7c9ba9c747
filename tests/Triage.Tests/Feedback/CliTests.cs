extern alias cli;

using System.CommandLine;
using cli::Triage.Cli.Commands;
using Triage.Core.Feedback;
using Triage.Corpus;

namespace Triage.Tests.Feedback;

public sealed class CliTests : FeedbackStoreFixture
{
    [Fact]
    public async Task Export_writes_the_corpus_format_from_the_database_file()
    {
        await Store.RecordDecisionAsync(Decision("d1", ticketId: "t1"));
        await Store.RecordDecisionAsync(Decision("d2", ticketId: "t2", tenant: "globex"));
        await Store.SubmitReviewAsync(Review("r1", "d1", urgency: "high"));
        await Store.SubmitReviewAsync(Review("r2", "d2", tenant: "globex"));
        var output = Path.Combine(Directory, "out.jsonl");

        var exit = await Run(ExportCommand.Create(), "export", "--db", DbPath, "--tenant", "acme", "--source", "corrected", "--from", "2025-03-01", "--out", output);

        Assert.Equal(0, exit);
        var issues = new List<CorpusIssue>();
        var rows = new List<LabeledTicketRecord>();
        await foreach (var row in JsonLines.ReadAsync<LabeledTicketRecord>(output, issues))
        {
            rows.Add(row.Record);
        }

        var only = Assert.Single(rows);
        Assert.Equal(("t1", "high", "export:corrected"), (only.Id, only.Urgency, only.Source));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Export_and_stats_refuse_a_missing_database_instead_of_creating_one()
    {
        var missing = Path.Combine(Directory, "nope.db");

        Assert.Equal(1, await Run(StatsCommand.Create(), "stats", "--db", missing, "--tenant", "acme"));
        Assert.Equal(1, await Run(ExportCommand.Create(), "export", "--db", missing, "--tenant", "acme", "--out", Path.Combine(Directory, "x.jsonl")));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Stats_runs_on_the_database_file()
    {
        await Store.RecordDecisionAsync(Decision("d1"));
        await Store.SubmitReviewAsync(Review("r1", "d1", ReviewDecision.Rejected));

        Assert.Equal(0, await Run(StatsCommand.Create(), "stats", "--db", DbPath, "--tenant", "acme", "--json"));
    }

    private static Task<int> Run(Command command, params string[] args) => new RootCommand { command }.Parse(args).InvokeAsync();
}
