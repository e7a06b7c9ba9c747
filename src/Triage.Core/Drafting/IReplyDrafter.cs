namespace Triage.Core.Drafting;

/// <summary>Writes a suggested reply grounded in resolved cases.</summary>
public interface IReplyDrafter
{
    string Name { get; }

    Task<DraftResult> DraftAsync(DraftRequest request, CancellationToken ct);

    /// <summary>The same draft as it is written: text pieces, then the finished draft.</summary>
    IAsyncEnumerable<DraftStreamItem> StreamAsync(DraftRequest request, CancellationToken ct);
}

/// <summary>One item of a streamed draft: a text delta, or the final result (always last).</summary>
public sealed record DraftStreamItem(string? TextDelta, DraftResult? Final);
