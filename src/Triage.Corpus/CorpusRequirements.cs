namespace Triage.Corpus;

/// <summary>The minimum counts the corpus must hold (issue: training corpus).</summary>
public sealed record CorpusRequirements
{
    public int MinKoreanTickets { get; init; } = 2000;
    public int MinKoreanPerCategory { get; init; } = 150;
    public int MinEnglishTickets { get; init; } = 600;
    public int MinKoreanCases { get; init; } = 600;
    public int MinEnglishCases { get; init; } = 200;
    public double MinHeldOutFraction { get; init; } = 0.15;

    /// <summary>Jaccard of character 3-grams at or above which two texts count as near-duplicates.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.6;

    public static CorpusRequirements None { get; } = new()
    {
        MinKoreanTickets = 0, MinKoreanPerCategory = 0, MinEnglishTickets = 0, MinKoreanCases = 0, MinEnglishCases = 0, MinHeldOutFraction = 0,
    };
}
