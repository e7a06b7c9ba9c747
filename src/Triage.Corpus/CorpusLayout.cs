namespace Triage.Corpus;

/// <summary>Where things live under a training-data directory.</summary>
public sealed record CorpusLayout(string Root)
{
    public string Tickets => Path.Combine(Root, "tickets");

    public string ResolvedCases => Path.Combine(Root, "resolved-cases");

    public string Taxonomy => Path.Combine(Root, "taxonomy.json");

    public string TestSplit => Path.Combine(Root, "splits", "test.txt");

    public IEnumerable<string> TicketFiles() => Files(Tickets);

    public IEnumerable<string> CaseFiles() => Files(ResolvedCases);

    private static IEnumerable<string> Files(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.jsonl").Order(StringComparer.Ordinal) : [];
}
