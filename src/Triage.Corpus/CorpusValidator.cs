using Triage.Core.Tickets;
namespace Triage.Corpus;

/// <summary>
/// Checks a training-data directory: schema, label values from the taxonomy, intent inside its
/// category, unique ids, near-duplicates (within tickets, within cases, and between held-out tickets
/// and anything a model or the index could learn from), the held-out split, and the minimum counts.
/// </summary>
public static class CorpusValidator
{
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "ko", "en" };
    public static readonly IReadOnlySet<string> Channels = new HashSet<string>(ChannelNames.All, StringComparer.Ordinal);
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "answered", "refunded", "replaced", "cancelled", "changed", "escalated", "declined",
    };

    public static async Task<CorpusReport> CheckAsync(CorpusLayout layout, CorpusRequirements requirements, CancellationToken ct = default)
    {
        var issues = new List<CorpusIssue>();
        var taxonomy = Taxonomy.Load(layout.Taxonomy);
        var tickets = new List<Located<LabeledTicketRecord>>();
        foreach (var file in layout.TicketFiles())
        {
            await foreach (var item in JsonLines.ReadAsync<LabeledTicketRecord>(file, issues, ct))
            {
                tickets.Add(item);
            }
        }

        var cases = new List<Located<ResolvedCaseRecord>>();
        foreach (var file in layout.CaseFiles())
        {
            await foreach (var item in JsonLines.ReadAsync<ResolvedCaseRecord>(file, issues, ct))
            {
                cases.Add(item);
            }
        }

        foreach (var t in tickets)
        {
            CheckLabels(issues, taxonomy, t.File, t.Line, t.Record.Id, t.Record.Language, t.Record.Channel, t.Record.Body, t.Record.Category, t.Record.Intent, t.Record.Urgency);
            Require(issues, t.File, t.Line, "source", t.Record.Source);
        }

        foreach (var c in cases)
        {
            var r = c.Record;
            CheckLabels(issues, taxonomy, c.File, c.Line, r.Id, r.Language, r.Channel, r.Body, r.Category, r.Intent, r.Urgency);
            Require(issues, c.File, c.Line, "reply", r.Reply);
            if (!Outcomes.Contains(r.Outcome))
            {
                issues.Add(new CorpusIssue(c.File, c.Line, "outcome", $"'{r.Outcome}' is not one of {string.Join(", ", Outcomes)}"));
            }

            if (r.ResolvedAt is null)
            {
                issues.Add(new CorpusIssue(c.File, c.Line, "resolved_at", "is required (ISO 8601)"));
            }
        }

        CheckUniqueIds(issues, tickets.Select(t => (t.Record.Id, t.File, t.Line)).Concat(cases.Select(c => (c.Record.Id, c.File, c.Line))));

        var heldOut = File.Exists(layout.TestSplit) ? await HeldOutSplit.LoadAsync(layout.TestSplit, ct) : new HashSet<string>();
        CheckSplit(issues, layout, tickets, heldOut, requirements);

        var pairs = CheckNearDuplicates(issues, tickets, cases, heldOut, requirements.NearDuplicateThreshold);
        CheckCounts(issues, layout, tickets, cases, taxonomy, requirements);
        return new CorpusReport(tickets, cases, heldOut, pairs, issues);
    }

    private static void CheckLabels(List<CorpusIssue> issues, Taxonomy taxonomy, string file, int line, string id, string language, string channel, string body, string category, string intent, string urgency)
    {
        Require(issues, file, line, "id", id);
        Require(issues, file, line, "body", body);
        if (!Languages.Contains(language))
        {
            issues.Add(new CorpusIssue(file, line, "language", $"'{language}' is not ko or en"));
        }

        if (!Channels.Contains(channel))
        {
            issues.Add(new CorpusIssue(file, line, "channel", $"'{channel}' is not one of {string.Join(", ", Channels)}"));
        }

        if (!taxonomy.IsCategory(category))
        {
            issues.Add(new CorpusIssue(file, line, "category", $"'{category}' is not in the taxonomy"));
        }

        var intentCategory = taxonomy.CategoryOf(intent);
        if (intentCategory is null)
        {
            issues.Add(new CorpusIssue(file, line, "intent", $"'{intent}' is not in the taxonomy"));
        }
        else if (intentCategory != category && taxonomy.IsCategory(category))
        {
            issues.Add(new CorpusIssue(file, line, "intent", $"'{intent}' belongs to '{intentCategory}', not '{category}'"));
        }

        if (!taxonomy.IsUrgency(urgency))
        {
            issues.Add(new CorpusIssue(file, line, "urgency", $"'{urgency}' is not one of {string.Join(", ", taxonomy.Urgency.Keys)}"));
        }
    }

    private static void Require(List<CorpusIssue> issues, string file, int line, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            issues.Add(new CorpusIssue(file, line, field, "is required"));
        }
    }

    private static void CheckUniqueIds(List<CorpusIssue> issues, IEnumerable<(string Id, string File, int Line)> ids)
    {
        var seen = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var (id, file, line) in ids)
        {
            if (id.Length > 0 && !seen.TryAdd(id, (file, line)))
            {
                issues.Add(new CorpusIssue(file, line, "id", $"'{id}' repeats {seen[id].File}:{seen[id].Line}"));
            }
        }
    }

    private static void CheckSplit(List<CorpusIssue> issues, CorpusLayout layout, List<Located<LabeledTicketRecord>> tickets, IReadOnlySet<string> heldOut, CorpusRequirements requirements)
    {
        if (requirements.MinHeldOutFraction <= 0)
        {
            return;
        }

        if (heldOut.Count == 0)
        {
            issues.Add(new CorpusIssue(layout.TestSplit, 0, "split", "missing: run `triage data split`"));
            return;
        }

        var known = tickets.Select(t => t.Record.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in heldOut.Where(id => !known.Contains(id)))
        {
            issues.Add(new CorpusIssue(layout.TestSplit, 0, "split", $"names unknown ticket '{id}'"));
        }

        // Every language x category must be represented at the required fraction, give or take rounding.
        foreach (var group in tickets.GroupBy(t => (t.Record.Language, t.Record.Category)))
        {
            var total = group.Count();
            var held = group.Count(t => heldOut.Contains(t.Record.Id));
            if (held < Math.Floor(total * requirements.MinHeldOutFraction))
            {
                issues.Add(new CorpusIssue(layout.TestSplit, 0, "split",
                    $"{group.Key.Language}/{group.Key.Category}: {held} of {total} held out, below {requirements.MinHeldOutFraction:P0}"));
            }
        }
    }

    private static IReadOnlyList<NearDuplicates.Pair> CheckNearDuplicates(List<CorpusIssue> issues, List<Located<LabeledTicketRecord>> tickets, List<Located<ResolvedCaseRecord>> cases, IReadOnlySet<string> heldOut, double threshold)
    {
        // Repeated ids are reported elsewhere; here the first occurrence locates a pair.
        var where = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var (id, file, line) in tickets.Select(t => (t.Record.Id, t.File, t.Line)).Concat(cases.Select(c => (c.Record.Id, c.File, c.Line))))
        {
            where.TryAdd(id, (file, line));
        }

        var texts = tickets.Select(t => (t.Record.Id, t.Record.Subject + "\n" + t.Record.Body))
            .Concat(cases.Select(c => (c.Record.Id, c.Record.Subject + "\n" + c.Record.Body)))
            .ToList();
        var caseIds = cases.Select(c => c.Record.Id).ToHashSet(StringComparer.Ordinal);
        var pairs = NearDuplicates.Find(texts, threshold);
        foreach (var pair in pairs)
        {
            var crossesIntoIndex = caseIds.Contains(pair.FirstId) != caseIds.Contains(pair.SecondId);
            // A ticket resembling a resolved case is what retrieval is for, unless the ticket is held out:
            // then the case would hand the test its answer.
            if (crossesIntoIndex && !heldOut.Contains(pair.FirstId) && !heldOut.Contains(pair.SecondId))
            {
                continue;
            }

            var (file, line) = where[pair.SecondId];
            issues.Add(new CorpusIssue(file, line, "body", $"near-duplicate of '{pair.FirstId}' (3-gram Jaccard {pair.Similarity:F2})"));
        }

        return pairs;
    }

    private static void CheckCounts(List<CorpusIssue> issues, CorpusLayout layout, List<Located<LabeledTicketRecord>> tickets, List<Located<ResolvedCaseRecord>> cases, Taxonomy taxonomy, CorpusRequirements req)
    {
        void AtLeast(string what, int actual, int minimum, string dir)
        {
            if (actual < minimum)
            {
                issues.Add(new CorpusIssue(dir, 0, "count", $"{what}: {actual}, at least {minimum} required"));
            }
        }

        var ko = tickets.Where(t => t.Record.Language == "ko").ToList();
        AtLeast("Korean tickets", ko.Count, req.MinKoreanTickets, layout.Tickets);
        foreach (var category in taxonomy.Categories.Keys)
        {
            AtLeast($"Korean tickets in '{category}'", ko.Count(t => t.Record.Category == category), req.MinKoreanPerCategory, layout.Tickets);
        }

        AtLeast("English tickets", tickets.Count(t => t.Record.Language == "en"), req.MinEnglishTickets, layout.Tickets);
        AtLeast("Korean resolved cases", cases.Count(c => c.Record.Language == "ko"), req.MinKoreanCases, layout.ResolvedCases);
        AtLeast("English resolved cases", cases.Count(c => c.Record.Language == "en"), req.MinEnglishCases, layout.ResolvedCases);
    }
}
