using System.Text.Json.Serialization;

namespace Triage.Corpus;

/// <summary>One labeled ticket, as stored in training-data/tickets/*.jsonl (schema: training-data/README.md).</summary>
public sealed record LabeledTicketRecord
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("language")] public string Language { get; init; } = "";
    [JsonPropertyName("channel")] public string Channel { get; init; } = "";
    [JsonPropertyName("subject")] public string Subject { get; init; } = "";
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("category")] public string Category { get; init; } = "";
    [JsonPropertyName("intent")] public string Intent { get; init; } = "";
    [JsonPropertyName("urgency")] public string Urgency { get; init; } = "";
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("traits")] public IReadOnlyList<string> Traits { get; init; } = [];
}

/// <summary>One resolved case: the customer's ticket and the reply that resolved it.</summary>
public sealed record ResolvedCaseRecord
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("language")] public string Language { get; init; } = "";
    [JsonPropertyName("channel")] public string Channel { get; init; } = "";
    [JsonPropertyName("subject")] public string Subject { get; init; } = "";
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("reply")] public string Reply { get; init; } = "";
    [JsonPropertyName("category")] public string Category { get; init; } = "";
    [JsonPropertyName("intent")] public string Intent { get; init; } = "";
    [JsonPropertyName("urgency")] public string Urgency { get; init; } = "";
    [JsonPropertyName("outcome")] public string Outcome { get; init; } = "";
    [JsonPropertyName("resolved_at")] public DateTimeOffset? ResolvedAt { get; init; }
    [JsonPropertyName("source")] public string Source { get; init; } = "";
}

/// <summary>A record with where it came from, so every error can name the file and line.</summary>
public sealed record Located<T>(T Record, string File, int Line);
