namespace Triage.Corpus;

/// <summary>What <see cref="CorpusValidator"/> found: the records, their problems and their counts.</summary>
public sealed record CorpusReport(
    IReadOnlyList<Located<LabeledTicketRecord>> Tickets,
    IReadOnlyList<Located<ResolvedCaseRecord>> Cases,
    IReadOnlySet<string> HeldOut,
    IReadOnlyList<NearDuplicates.Pair> NearDuplicatePairs,
    IReadOnlyList<CorpusIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;

    /// <summary>Rows of (dimension, key, Korean count, English count) for the counts table.</summary>
    public IEnumerable<(string Dimension, string Key, int Korean, int English)> Counts()
    {
        IEnumerable<(string, string, int, int)> By(string dimension, IEnumerable<(string Language, string Key)> items) =>
            items.GroupBy(i => i.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (dimension, g.Key, g.Count(i => i.Language == "ko"), g.Count(i => i.Language == "en")));

        var tickets = Tickets.Select(t => t.Record).ToList();
        return By("tickets: category", tickets.Select(t => (t.Language, t.Category)))
            .Concat(By("tickets: intent", tickets.Select(t => (t.Language, $"{t.Category}/{t.Intent}"))))
            .Concat(By("tickets: urgency", tickets.Select(t => (t.Language, t.Urgency))))
            .Concat(By("tickets: channel", tickets.Select(t => (t.Language, t.Channel))))
            .Concat(By("tickets: trait", tickets.SelectMany(t => t.Traits.Select(tr => (t.Language, tr)))))
            .Concat(By("tickets: held out", tickets.Where(t => HeldOut.Contains(t.Id)).Select(t => (t.Language, "test"))))
            .Concat(By("cases: category", Cases.Select(c => (c.Record.Language, c.Record.Category))))
            .Concat(By("cases: outcome", Cases.Select(c => (c.Record.Language, c.Record.Outcome))))
            .Concat(By("total", tickets.Select(t => (t.Language, "tickets")).Concat(Cases.Select(c => (c.Record.Language, "resolved cases")))));
    }
}
