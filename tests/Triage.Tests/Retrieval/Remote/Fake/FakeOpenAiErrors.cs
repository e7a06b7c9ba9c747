using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>Errors in OpenAI's shape, <c>{"error":{"message","type","param","code"}}</c>, which clients parse for the message.</summary>
public static class FakeOpenAiErrors
{
    public static IResult Result(int status, string message, string? code = null, TimeSpan? retryAfter = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["type"] = status is 401 or 403 or 404 or 400 ? "invalid_request_error" : "server_error",
                ["param"] = null,
                ["code"] = code,
            },
        };
        return new ErrorResult(status, body.ToJsonString(), retryAfter);
    }

    private sealed class ErrorResult(int status, string json, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfter is { } after)
            {
                httpContext.Response.Headers["retry-after-ms"] = ((long)after.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
        }
    }
}
