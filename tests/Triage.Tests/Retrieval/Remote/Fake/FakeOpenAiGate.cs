using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>How a route expects the key: OpenAI's bearer token, or Azure deployments' <c>api-key</c> header.</summary>
public enum FakeKeyStyle
{
    Bearer,
    AzureApiKey,
}

/// <summary>
/// What every route does before its handler, in the order a real server does it: log the call, check the key, then
/// apply injected latency and failures. The parsed JSON body is left in <see cref="HttpContext.Items"/> for the handler.
/// </summary>
internal sealed class FakeOpenAiGate(string route, FakeKeyStyle style, FakeOpenAiSettings settings, FakeOpenAiFaults faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        http.Items[typeof(JsonObject)] = body;
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        var apiKey = http.Request.Headers["api-key"].FirstOrDefault();
        faults.Calls.Enqueue(new FakeOpenAiCall(route, http.Request.Path, http.Request.QueryString.Value ?? "", authorization, apiKey, body));

        if (settings.ApiKey is { } expected)
        {
            var sent = style == FakeKeyStyle.Bearer ? authorization : apiKey;
            if (sent is null)
            {
                return FakeOpenAiErrors.Result(401, "You didn't provide an API key.", "missing_api_key");
            }

            if (sent != (style == FakeKeyStyle.Bearer ? "Bearer " + expected : expected))
            {
                return FakeOpenAiErrors.Result(401, "Incorrect API key provided.", "invalid_api_key");
            }
        }

        if (style == FakeKeyStyle.AzureApiKey && string.IsNullOrEmpty(http.Request.Query["api-version"]))
        {
            return FakeOpenAiErrors.Result(400, "Missing required query parameter: api-version.");
        }

        if (faults.TakeDelay(route) is { } delay)
        {
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up; nobody is listening for an answer.
                return Results.Empty;
            }
        }

        if (faults.TakeFailure(route) is { } failure)
        {
            return FakeOpenAiErrors.Result(failure.Status, $"Injected failure: HTTP {failure.Status}.", retryAfter: failure.RetryAfter);
        }

        if (faults.TakeAnswer(route) is { } canned)
        {
            return Results.Content(canned.Body, canned.ContentType, statusCode: canned.Status);
        }

        return body is null ? FakeOpenAiErrors.Result(400, "We could not parse the JSON body of your request.") : await next(context);
    }

    public static JsonObject Body(HttpContext http) => (JsonObject)http.Items[typeof(JsonObject)]!;

    private static async Task<JsonObject?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
