using Triage.Core.Drafting;

namespace Triage.Drafting.Grounding;

/// <summary>
/// The cases the model is shown, and so the only ones the draft may cite: relevant enough, best first, one per id.
/// With none left the draft must say it needs the representative's knowledge rather than invent a resolution.
/// </summary>
internal static class CaseSelection
{
    public static IReadOnlyList<GroundingCase> Select(IReadOnlyList<GroundingCase> cases, float minScore, int max) =>
        cases.Where(c => c.Score >= minScore)
            .OrderByDescending(c => c.Score)
            .DistinctBy(c => c.Case.CaseId, StringComparer.Ordinal)
            .Take(max)
            .ToList();
}
