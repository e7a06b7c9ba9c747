using Triage.Core.Drafting;
using Triage.Drafting.Grounding;

namespace Triage.Drafting.Llm;

/// <summary>
/// Turns what the model wrote into the draft a representative sees, or rejects it. In order: a reply that repeats the
/// instructions is rejected; the format is cleaned to plain reply text; each sentence is checked against the sources;
/// a draft without a relevant case carries the request for the representative's knowledge; and only then are the
/// ticket's own details restored, so the checks never see personal data.
/// </summary>
internal sealed class DraftFinisher(InstructionLeakGuard guard, string drafterName, string modelName)
{
    public const string LeakReason = "the model's output repeated its instructions, so it was discarded";
    public const string EmptyReason = "the model returned no reply text";

    public InstructionLeakGuard Guard => guard;

    public (DraftResult? Draft, string? Rejected) Finish(string raw, DraftPlan plan, TimeSpan elapsed)
    {
        if (guard.Leaks(raw) || guard.Leaks(CollapseSpaces(raw)))
        {
            return (null, LeakReason);
        }

        var text = ReplyFormat.Clean(raw);
        if (text.Length == 0)
        {
            return (null, EmptyReason);
        }

        var sources = new GroundingSources(plan.Request.Ticket.Redacted.Text, plan.Cited);
        var (grounded, claims) = GroundingCheck.Check(text, sources, plan.Phrases);
        var flags = claims.Count > 0 ? DraftFlags.UnsupportedClaims : DraftFlags.None;
        if (plan.NeedsKnowledge)
        {
            flags |= DraftFlags.NeedsKnowledge;
            if (!grounded.Contains(plan.Phrases.NeedsKnowledge, StringComparison.Ordinal))
            {
                grounded = grounded + "\n" + plan.Phrases.NeedsKnowledge;
            }
        }

        var restored = PersonalDataRestorer.Restore(grounded, plan.Request.Ticket.Redacted, plan.Phrases.Contact);
        return (new DraftResult(restored, plan.Language, drafterName, modelName, plan.CitedIds, flags, elapsed), null);
    }

    private static string CollapseSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
