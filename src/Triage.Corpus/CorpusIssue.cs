namespace Triage.Corpus;

/// <summary>One problem found in the corpus, located precisely enough to fix by hand.</summary>
public sealed record CorpusIssue(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
