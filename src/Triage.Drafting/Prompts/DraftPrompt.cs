using System.Globalization;
using Microsoft.SemanticKernel;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;
using Triage.Drafting.Grounding;

namespace Triage.Drafting.Prompts;

/// <summary>
/// The draft-reply prompt (Prompts/draft-reply.*) as a kernel function, and the case block (Prompts/case.*) it embeds.
/// Both are Semantic Kernel templates, so every value is HTML-encoded on the way in and a ticket cannot smuggle chat
/// message tags into the prompt; the data is fenced as well (<see cref="DataFence"/>).
/// </summary>
internal sealed class DraftPrompt
{
    private readonly IPromptTemplate _case;

    public DraftPrompt()
    {
        var factory = new KernelPromptTemplateFactory();
        var config = PromptFiles.Load("draft-reply");
        Template = config.Template;
        Function = KernelFunctionFactory.CreateFromPrompt(config, factory);
        _case = factory.Create(PromptFiles.Load("case"));
    }

    public KernelFunction Function { get; }

    /// <summary>The template text, whose fixed wording the leak guard watches for in replies.</summary>
    public string Template { get; }

    public async Task<KernelArguments> ArgumentsAsync(Kernel kernel, DraftRequest request, IReadOnlyList<GroundingCase> cited, PromptExecutionSettings settings, CancellationToken ct)
    {
        var language = ReplyLanguage(request);
        var cases = new List<string>();
        foreach (var c in cited)
        {
            cases.Add(await _case.RenderAsync(kernel, new KernelArguments
            {
                ["id"] = c.Case.CaseId,
                ["intent"] = c.Case.Intent,
                ["score"] = c.Score.ToString("0.00", CultureInfo.InvariantCulture),
                ["body"] = DataFence.Case(c.Case.Subject + "\n" + c.Case.Body),
                ["reply"] = DataFence.Case(c.Case.Reply),
            }, ct));
        }

        return new KernelArguments(settings)
        {
            ["reply_language"] = language == "en" ? "English" : "Korean",
            ["language"] = request.Ticket.Language,
            ["category"] = request.Category ?? "unknown",
            ["intent"] = request.Intent ?? "unknown",
            ["urgency"] = request.Urgency ?? "unknown",
            ["sla"] = request.FirstResponseTarget is { } t ? Hours(t) : "none given",
            ["tier"] = request.Ticket.Ticket.Tier.ToString(),
            ["ticket"] = DataFence.Ticket(request.Ticket.Redacted.Text),
            ["knowledge_note"] = ComposerPhrases.Defaults[language].NeedsKnowledge,
            ["cases"] = cases.Count == 0 ? "No relevant resolved case was found." : string.Join("\n", cases),
        };
    }

    /// <summary>Korean unless the ticket is English: the service's default register, as the composer's.</summary>
    public static string ReplyLanguage(DraftRequest request) => request.Ticket.Language == "en" ? "en" : "ko";

    private static string Hours(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(t.TotalHours, 1)} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(t.TotalMinutes)} minutes");
}
