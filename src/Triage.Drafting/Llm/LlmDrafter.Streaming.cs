using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Triage.Core.Drafting;

namespace Triage.Drafting.Llm;

/// <summary>
/// The streamed draft. Each delta is forwarded as soon as it arrives (after restoring the ticket's own details, which
/// holds back only an unclosed <c>[</c>), and the final item is always the checked draft: the deltas are a preview, the
/// final is what the representative edits, since grounding needs whole sentences.
///
/// When the model fails part-way (an error, the deadline, a stream that closes without finishing, or a reply that starts
/// repeating the instructions) the choice is: if nothing was forwarded yet, the composer's draft is streamed in its
/// place; if text was already forwarded, it cannot be taken back, so the stream ends with the composer's draft as the
/// final item, flagged <see cref="DraftFlags.Degraded"/> with the reason, and the client replaces what it showed.
/// Streaming the composer's text after half a model reply would leave the representative two half-replies run together.
/// </summary>
public sealed partial class LlmDrafter
{
    public async IAsyncEnumerable<DraftStreamItem> StreamAsync(DraftRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = DraftPlan.For(request, _options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Deadline);
        var restorer = plan.StreamRestorer();
        var raw = new StringBuilder();
        var forwarded = false;
        string? failure = null;
        Exception? error = null;

        var (chunks, openError) = await OpenAsync(request, plan, deadline.Token);
        try
        {
            error = openError;
            var finished = false;
            while (chunks is not null)
            {
                var (more, nextError) = await NextAsync(chunks);
                if (nextError is not null || !more)
                {
                    error = nextError;
                    failure = nextError is null && !finished ? LlmFailure.StreamCut : null;
                    break;
                }

                finished |= chunks.Current is OpenAIStreamingChatMessageContent { FinishReason: not null };
                var delta = chunks.Current.Content;
                if (string.IsNullOrEmpty(delta))
                {
                    continue;
                }

                var from = raw.Length;
                raw.Append(delta);
                if (_finisher.Guard.LeaksFrom(raw.ToString(), from))
                {
                    failure = DraftFinisher.LeakReason;
                    break;
                }

                var text = restorer.Push(delta);
                if (text.Length > 0)
                {
                    forwarded = true;
                    yield return new DraftStreamItem(text, null);
                }
            }
        }
        finally
        {
            // Stops the upstream request too when the loop ended early (deadline, leak, caller gone).
            await deadline.CancelAsync();
            if (chunks is not null)
            {
                await chunks.DisposeAsync();
            }
        }

        if (error is not null)
        {
            ct.ThrowIfCancellationRequested();
            failure = deadline.IsCancellationRequested && error is OperationCanceledException ? LlmFailure.Deadline(_options.Deadline)
                : raw.Length > 0 ? LlmFailure.StreamCut
                : LlmFailure.Describe(error);
        }

        if (failure is null)
        {
            var tail = restorer.Flush();
            if (tail.Length > 0)
            {
                yield return new DraftStreamItem(tail, null);
            }

            var (draft, rejected) = _finisher.Finish(raw.ToString(), plan, Stopwatch.GetElapsedTime(started));
            if (draft is not null)
            {
                yield return new DraftStreamItem(null, draft);
                yield break;
            }

            failure = rejected!;
            forwarded = true;
        }

        if (forwarded)
        {
            yield return new DraftStreamItem(null, Degrade(request, failure, started, error));
            yield break;
        }

        await foreach (var item in FallbackStreamAsync(request, failure, started, error, ct))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<DraftStreamItem> FallbackStreamAsync(DraftRequest request, string reason, long started, Exception? error, [EnumeratorCancellation] CancellationToken ct)
    {
        var degraded = Degrade(request, reason, started, error);
        await foreach (var item in _fallback.StreamAsync(request, ct))
        {
            yield return item.Final is null ? item : new DraftStreamItem(null, degraded with { Elapsed = Stopwatch.GetElapsedTime(started) });
        }
    }

    private async Task<(IAsyncEnumerator<StreamingChatMessageContent>? Chunks, Exception? Error)> OpenAsync(DraftRequest request, DraftPlan plan, CancellationToken ct)
    {
        try
        {
            var arguments = await _kernel.Prompt.ArgumentsAsync(_kernel.Kernel, request, plan.Cited, _kernel.Settings, ct);
            return (_kernel.Prompt.Function.InvokeStreamingAsync<StreamingChatMessageContent>(_kernel.Kernel, arguments, ct).GetAsyncEnumerator(ct), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private static async Task<(bool More, Exception? Error)> NextAsync(IAsyncEnumerator<StreamingChatMessageContent> chunks)
    {
        try
        {
            return (await chunks.MoveNextAsync(), null);
        }
        catch (Exception ex)
        {
            return (false, ex);
        }
    }
}
