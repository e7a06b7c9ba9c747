using Triage.Core.Drafting;
using Triage.Core.Intake;
using Triage.Core.Tickets;
using Triage.Corpus;
using Triage.Drafting.Composer;
using Triage.Retrieval.Seeding;

namespace Triage.Tests.Drafting;

/// <summary>Composer drafts in Korean and English for every category, from the shipped resolved cases.</summary>
public sealed class ComposerCorpusTests
{
    private static readonly Lazy<Task<(IReadOnlyList<ResolvedCaseRecord> Cases, IReadOnlyList<LabeledTicketRecord> Tickets)>> Corpus = new(LoadAsync);

    private static async Task<(IReadOnlyList<ResolvedCaseRecord>, IReadOnlyList<LabeledTicketRecord>)> LoadAsync()
    {
        var report = await CorpusValidator.CheckAsync(new CorpusLayout(Paths.TrainingData), CorpusRequirements.None);
        return (report.Cases.Select(c => c.Record).ToList(), report.Tickets.Select(t => t.Record).ToList());
    }

    public static TheoryData<string, string> CategoriesByLanguage()
    {
        var data = new TheoryData<string, string>();
        foreach (var category in Taxonomy.Load(Path.Combine(Paths.TrainingData, "taxonomy.json")).Categories.Keys)
        {
            data.Add("ko", category);
            data.Add("en", category);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CategoriesByLanguage))]
    public async Task Every_category_gets_a_grounded_draft_in_the_tickets_language(string language, string category)
    {
        var (cases, tickets) = await Corpus.Value;
        var ticket = tickets.First(t => t.Language == language && t.Category == category);
        var sameCategory = cases.Where(c => c.Language == language && c.Category == category).ToList();
        var source = sameCategory.FirstOrDefault(c => c.Intent == ticket.Intent) ?? sameCategory[0];
        var prepared = TicketPreparer.Prepare(new Ticket(ticket.Id, ticket.Subject, ticket.Body, SeedCorpus.ParseChannel(ticket.Channel) ?? Channel.Email));
        var request = new DraftRequest(prepared, category, ticket.Intent, ticket.Urgency, TimeSpan.FromHours(24),
            [new GroundingCase(SeedCorpus.ToRecord(source, "t"), 0.5f)]);

        var draft = new RetrievalComposer().Compose(request);

        Assert.Equal(language, draft.Language);
        Assert.Equal([source.Id], draft.CitedCaseIds);
        Assert.StartsWith(language == "ko" ? "안녕하세요, 고객님." : "Hello,", draft.Text, StringComparison.Ordinal);
        var lines = draft.Text.Split('\n');
        Assert.True(lines.Length >= 5, $"greeting, acknowledgement, resolution, follow-up and closing expected:\n{draft.Text}");
        // The other customer's identifiers never come along with the reused resolution.
        foreach (System.Text.RegularExpressions.Match id in CaseDetailScrubber.OrderNumber().Matches(source.Reply))
        {
            Assert.DoesNotContain(id.Value, draft.Text, StringComparison.Ordinal);
        }

        Assert.InRange(draft.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
