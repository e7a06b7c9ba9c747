using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Corpus;

namespace Triage.Retrieval.Seeding;

/// <summary>Reads the shipped resolved cases (training-data/resolved-cases) as index records for a tenant.</summary>
public static class SeedCorpus
{
    public static async Task<IReadOnlyList<ResolvedCaseRecord>> ReadCasesAsync(string dataDirectory, CancellationToken ct)
    {
        var layout = new CorpusLayout(dataDirectory);
        var issues = new List<CorpusIssue>();
        var cases = new List<ResolvedCaseRecord>();
        foreach (var file in layout.CaseFiles())
        {
            await foreach (var item in JsonLines.ReadAsync<ResolvedCaseRecord>(file, issues, ct))
            {
                cases.Add(item.Record);
            }
        }

        if (issues.Count > 0)
        {
            throw new InvalidDataException($"Seed cases are invalid: {issues[0]}");
        }

        return cases;
    }

    /// <summary>Texts to learn IDF weights from: every resolved case and every ticket that is not held out.</summary>
    public static async Task<IReadOnlyList<string>> ReadIdfTextsAsync(string dataDirectory, CancellationToken ct)
    {
        var layout = new CorpusLayout(dataDirectory);
        var heldOut = File.Exists(layout.TestSplit) ? await HeldOutSplit.LoadAsync(layout.TestSplit, ct) : new HashSet<string>();
        var issues = new List<CorpusIssue>();
        var texts = (await ReadCasesAsync(dataDirectory, ct)).Select(c => c.Subject + "\n" + c.Body).ToList();
        foreach (var file in layout.TicketFiles())
        {
            await foreach (var item in JsonLines.ReadAsync<LabeledTicketRecord>(file, issues, ct))
            {
                if (!heldOut.Contains(item.Record.Id))
                {
                    texts.Add(item.Record.Subject + "\n" + item.Record.Body);
                }
            }
        }

        return texts;
    }

    public static CaseRecord ToRecord(ResolvedCaseRecord c, string tenant) => new(
        tenant, c.Id, c.Language, ParseChannel(c.Channel), c.Subject, c.Body, c.Reply, c.Category, c.Intent, c.Urgency, c.Outcome,
        c.ResolvedAt ?? DateTimeOffset.UnixEpoch);

    public static Channel? ParseChannel(string channel) => ChannelNames.TryParse(channel, out var parsed) ? parsed : null;
}
