using System.ClientModel;
using System.Text.Json;
using Triage.OpenAiCompat;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// Turns what the OpenAI client throws (a ClientResultException per HTTP error, an AggregateException when several
/// attempts threw, a TaskCanceledException per timed-out attempt, socket errors) into one exception whose message says
/// what happened and which setting to look at.
/// </summary>
internal sealed class RemoteEmbeddingErrors(RemoteEmbeddingOptions options)
{
    private const string S = RemoteEmbeddingOptions.Section;
    private const int MaxServerMessage = 300;
    private readonly string _where = $"The embedding endpoint {options.Endpoint?.Authority} (model '{options.Model}')";

    private int Attempts => options.MaxRetries + 1;

    /// <summary>What to throw instead of <paramref name="e"/>, or null to let it through unchanged. A caller's
    /// cancellation is not a failure of the endpoint and stays a cancellation.</summary>
    public Exception? Translate(Exception e, CancellationToken callerToken)
    {
        // Several attempts threw: the last one decides, since retries stop only when they run out or the caller gives up.
        var last = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1] : e;
        if (callerToken.IsCancellationRequested && last is OperationCanceledException)
        {
            return ReferenceEquals(last, e) ? null : new OperationCanceledException("The embedding request was cancelled.", e, callerToken);
        }

        return last switch
        {
            ClientResultException { Status: > 0 } http => FromStatus(http),
            OperationCanceledException => new RemoteEmbeddingException(
                $"{_where} did not answer within {options.Timeout:g} on any of {Attempts} attempts ({S}:Timeout, {S}:MaxRetries).",
                transient: true, inner: e),
            ClientResultException or IOException or HttpRequestException => new RemoteEmbeddingException(
                $"{_where} could not be reached after {Attempts} attempts: {last.Message} (check {S}:Endpoint).",
                transient: true, inner: e),
            // A 200 the client could not read: a proxy's page, a truncated body, a non-OpenAI server at that URL. The
            // OpenAI 2.14 parser throws JsonException for bad JSON, FormatException for bad base64,
            // InvalidOperationException for a wrong JSON shape and NullReferenceException for an item with no vector.
            JsonException or FormatException or InvalidOperationException or NullReferenceException =>
                new RemoteEmbeddingException(
                    $"{_where} answered with something that is not an OpenAI embeddings response ({last.GetType().Name}: {last.Message}); check {S}:Endpoint.",
                    transient: false, inner: e),
            _ => null,
        };
    }

    public RemoteEmbeddingException WrongDimension(int actual) => new(
        $"{_where} returned vectors of {actual} dimensions, but {S}:Dimensions is {options.Dimensions}. "
        + $"Set {S}:Dimensions to {actual} (and rebuild the case index), or use a model that gives {options.Dimensions}"
        + (options.RequestDimensions ? "; this server ignored the dimensions parameter." : $", or set {S}:RequestDimensions to true if the model can shorten its vectors."),
        transient: false);

    public RemoteEmbeddingException Malformed(string problem) => new($"{_where} {problem}.", transient: false);

    private RemoteEmbeddingException FromStatus(ClientResultException e)
    {
        var status = e.Status;
        var said = ServerMessage(e);
        var message = status switch
        {
            401 or 403 => $"{_where} refused the API key (HTTP {status}{said}): "
                          + (options.ApiKey is null ? $"no key was sent; set {S}:ApiKey." : $"check {S}:ApiKey."),
            404 => $"{_where} has no such model or route (HTTP 404{said}): check {S}:Model and {S}:Endpoint "
                   + "(for OpenAI-compatible servers it usually ends in /v1).",
            429 => $"{_where} is rate-limiting requests (HTTP 429{said}) after {Attempts} attempts.",
            _ when TransientRetryPolicy.IsTransientStatus(status) =>
                $"{_where} is unavailable: HTTP {status}{said} after {Attempts} attempts.",
            _ => $"{_where} rejected the request (HTTP {status}{said})"
                 + (status == 400 && options.RequestDimensions ? $"; if the model has a fixed vector size, set {S}:RequestDimensions to false." : "."),
        };
        return new RemoteEmbeddingException(message, TransientRetryPolicy.IsTransientStatus(status), status, e);
    }

    /// <summary>OpenAI-style servers explain a refusal in <c>{"error":{"message":…}}</c>; that text is what an operator needs.</summary>
    private static string ServerMessage(ClientResultException e)
    {
        try
        {
            var body = e.GetRawResponse()?.Content;
            if (body is null || body.ToMemory().IsEmpty)
            {
                return "";
            }

            using var json = JsonDocument.Parse(body.ToMemory());
            var text = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                ? error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : error.ToString()
                : null;
            return string.IsNullOrWhiteSpace(text) ? "" : ": " + (text.Length > MaxServerMessage ? text[..MaxServerMessage] + "…" : text);
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
