using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;
using Triage.Drafting.Grounding;

namespace Triage.Drafting.Llm;

/// <summary>
/// Drafts with any OpenAI-compatible chat model through Semantic Kernel, grounded in the retrieved cases. The
/// representative always gets a draft: when the model fails, is slower than the deadline, breaks off its stream or
/// answers with something that is not a reply, the retrieval composer's draft is returned instead, flagged
/// <see cref="DraftFlags.Degraded"/> with the reason.
/// </summary>
public sealed partial class LlmDrafter : IReplyDrafter
{
    public const string DrafterName = "llm";

    private readonly LlmDrafterOptions _options;
    private readonly RetrievalComposer _fallback;
    private readonly DraftingKernel _kernel;
    private readonly DraftFinisher _finisher;
    private readonly ILogger _logger;

    public LlmDrafter(LlmDrafterOptions options, RetrievalComposer fallback, ILoggerFactory? loggerFactory = null)
    {
        LlmDrafterOptionsValidator.ThrowIfInvalid(options);
        _options = options.Snapshot();
        _fallback = fallback;
        _kernel = new DraftingKernel(_options, loggerFactory);
        _finisher = new DraftFinisher(new InstructionLeakGuard(_kernel.Prompt.Template), DrafterName, _options.Model);
        _logger = (ILogger?)loggerFactory?.CreateLogger<LlmDrafter>() ?? NullLogger.Instance;
    }

    public string Name => DrafterName;

    public string ModelName => _options.Model;

    public async Task<DraftResult> DraftAsync(DraftRequest request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = DraftPlan.For(request, _options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Deadline);
        string raw;
        try
        {
            var arguments = await _kernel.Prompt.ArgumentsAsync(_kernel.Kernel, request, plan.Cited, _kernel.Settings, deadline.Token);
            var result = await _kernel.Prompt.Function.InvokeAsync(_kernel.Kernel, arguments, deadline.Token);
            raw = result.GetValue<string>() ?? string.Empty;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return Degrade(request, deadline.IsCancellationRequested ? LlmFailure.Deadline(_options.Deadline) : LlmFailure.Describe(ex), started, ex);
        }

        var (draft, rejected) = _finisher.Finish(raw, plan, Stopwatch.GetElapsedTime(started));
        return draft ?? Degrade(request, rejected!, started, null);
    }

    private DraftResult Degrade(DraftRequest request, string reason, long started, Exception? ex)
    {
        _logger.LogWarning(ex, "LLM draft for ticket {TicketId} fell back to the composer: {Reason}", request.Ticket.Ticket.TicketId, reason);
        var draft = _fallback.Compose(request);
        return draft with
        {
            Flags = draft.Flags | DraftFlags.Degraded,
            DegradedReason = reason,
            Elapsed = Stopwatch.GetElapsedTime(started),
        };
    }
}
