using System.ComponentModel.DataAnnotations;

namespace Triage.Retrieval.Search;

/// <summary><c>Triage:Retrieval</c>: ranking and seeding.</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Triage:Retrieval";

    [Range(1, 50)]
    public int DefaultTopK { get; set; } = 5;

    /// <summary>Below this cosine similarity a case is not "similar" (hashed n-grams put unrelated tickets near 0.05-0.15).</summary>
    [Range(0.0, 1.0)]
    public float DefaultMinSimilarity { get; set; } = 0.12f;

    /// <summary>Ranking bonus when a case has the ticket's predicted intent (or category, for a smaller bonus).</summary>
    [Range(0.0, 1.0)]
    public float IntentBoost { get; set; } = 0.15f;

    [Range(0.0, 1.0)]
    public float CategoryBoost { get; set; } = 0.05f;

    /// <summary>Bonus for a case resolved today, fading linearly to zero at <see cref="RecencyHorizon"/>.</summary>
    [Range(0.0, 1.0)]
    public float RecencyBoost { get; set; } = 0.03f;

    public TimeSpan RecencyHorizon { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Two hits whose replies overlap at least this much (word Jaccard) are one answer: the lower one is dropped.</summary>
    [Range(0.0, 1.0)]
    public double DuplicateReplyOverlap { get; set; } = 0.8;

    /// <summary>Resolved cases (training-data layout) to seed an empty index with on first start; empty for none.</summary>
    public string SeedDirectory { get; set; } = "training-data";

    /// <summary>Tenants that receive the seed cases.</summary>
    public List<string> SeedTenants { get; set; } = ["default"];
}
