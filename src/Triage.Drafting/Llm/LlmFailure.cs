using System.ClientModel;
using Microsoft.SemanticKernel;

namespace Triage.Drafting.Llm;

/// <summary>Why the model gave no usable draft, worded for the DegradedReason a representative may read.</summary>
internal static class LlmFailure
{
    public static string Deadline(TimeSpan deadline) =>
        $"the model did not finish within the {deadline.TotalSeconds:0.##} s deadline";

    public const string StreamCut = "the model's stream closed before the reply was finished";

    public static string Describe(Exception ex) => ex switch
    {
        HttpOperationException { StatusCode: { } status } => $"the model endpoint answered HTTP {(int)status}",
        ClientResultException { Status: > 0 } e => $"the model endpoint answered HTTP {e.Status}",
        HttpOperationException { InnerException: { } inner } => Describe(inner),
        HttpRequestException or ClientResultException => "the model endpoint could not be reached",
        IOException => StreamCut,
        KernelException { InnerException: { } inner } => Describe(inner),
        AggregateException a when a.Flatten().InnerExceptions is [var only] => Describe(only),
        _ => $"the model call failed ({ex.GetType().Name})",
    };
}
