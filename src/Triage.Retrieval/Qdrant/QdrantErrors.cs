using Grpc.Core;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Qdrant;

/// <summary>Turns Qdrant's gRPC statuses into errors that say what happened and what to do about it.</summary>
internal static class QdrantErrors
{
    public const string TooOld = "server too old (needs Qdrant ≥ 1.10 for Query)";

    /// <summary>Worth retrying: the server was unreachable, slow, or rate limiting, and the same request may succeed later.</summary>
    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    public static CaseIndexException Map(RpcException e, string operation, QdrantOptions options)
    {
        var where = $"Qdrant at {options.Address}";
        var detail = string.IsNullOrWhiteSpace(e.Status.Detail) ? e.StatusCode.ToString() : e.Status.Detail;
        var (message, transient) = e.StatusCode switch
        {
            StatusCode.Unavailable => ($"{where} is unavailable ({operation}): {detail}", true),
            StatusCode.DeadlineExceeded => ($"{where} did not answer {operation} within the deadline of {options.Deadline.TotalSeconds:0.###} s", true),
            StatusCode.ResourceExhausted => ($"{where} is rate limiting or out of resources ({operation}): {detail}", true),
            StatusCode.Aborted => ($"{where} aborted {operation}: {detail}", true),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => (
                $"{where} refused the API key ({e.StatusCode}, {operation}): " +
                (options.ApiKey is null ? "no key was sent; set Qdrant:ApiKey" : "set Qdrant:ApiKey to a key the server accepts, with write access"), false),
            StatusCode.Unimplemented => ($"{where} does not implement {operation}: {TooOld}", false),
            StatusCode.NotFound => (
                $"{where} has no collection '{options.Collection}' ({operation}): it was deleted or never created; " +
                "restart the service (or call EnsureReadyAsync) to recreate it empty, then re-ingest the cases", false),
            _ => ($"{where} failed {operation} ({e.StatusCode}): {detail}", false),
        };
        return new CaseIndexException(message, transient, e);
    }
}
