using Triage.Core.Drafting;
using Triage.Drafting.Composer;
using Triage.Drafting.Grounding;
using Triage.Drafting.Prompts;

namespace Triage.Drafting.Llm;

/// <summary>What one draft is allowed to use, decided before the model is asked: the cases it is shown (and so may
/// cite), whether it must defer to the representative, and the language and phrases of the reply.</summary>
internal sealed record DraftPlan(DraftRequest Request, IReadOnlyList<GroundingCase> Cited, string Language, ComposerPhrases Phrases)
{
    public bool NeedsKnowledge => Cited.Count == 0;

    public IReadOnlyList<string> CitedIds => Cited.Select(c => c.Case.CaseId).ToList();

    public static DraftPlan For(DraftRequest request, LlmDrafterOptions options)
    {
        var language = DraftPrompt.ReplyLanguage(request);
        return new DraftPlan(request, CaseSelection.Select(request.Cases, options.MinCaseScore, options.MaxCases), language, ComposerPhrases.Defaults[language]);
    }

    public PersonalDataRestorer.Stream StreamRestorer() => new(Request.Ticket.Redacted, Phrases.Contact);
}
