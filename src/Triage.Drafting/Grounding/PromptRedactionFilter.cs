using System.Text;
using Microsoft.SemanticKernel;
using Triage.Core.Privacy;

namespace Triage.Drafting.Grounding;

/// <summary>
/// The last step before a prompt leaves the process: whatever personal data the rendered prompt still holds is
/// replaced. The inputs are redacted already, so this is defence in depth against a path that forgot to. Its
/// placeholders are unnumbered (<c>[REDACTED_PHONE]</c>) so that restoring the ticket's own data can never fill them.
/// </summary>
internal sealed class PromptRedactionFilter : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);
        if (context.RenderedPrompt is { } prompt)
        {
            context.RenderedPrompt = Scrub(prompt);
        }
    }

    public static string Scrub(string text)
    {
        var found = PiiRedactor.Instance.Redact(text);
        if (!found.HasPersonalData)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var match in found.Matches)
        {
            sb.Append(text, cursor, match.Start - cursor).Append("[REDACTED_").Append(PiiRedactor.Tag(match.Kind)).Append(']');
            cursor = match.Start + match.Length;
        }

        return sb.Append(text, cursor, text.Length - cursor).ToString();
    }
}
