using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triage.Drafting.Composer;

/// <summary>
/// The composer's fixed sentences per language (greeting, acknowledgement by urgency, follow-up,
/// closing, visible placeholders). They are default configuration kept in phrases.json, not code, so
/// the urgency names they key on stay data.
/// </summary>
public sealed record ComposerPhrases
{
    [JsonPropertyName("greeting")] public string Greeting { get; init; } = "";
    [JsonPropertyName("acknowledge")] public Dictionary<string, string> Acknowledge { get; init; } = [];
    [JsonPropertyName("acknowledgeDefault")] public string AcknowledgeDefault { get; init; } = "";
    [JsonPropertyName("followUp")] public string FollowUp { get; init; } = "";
    [JsonPropertyName("hours")] public string Hours { get; init; } = "";
    [JsonPropertyName("oneHour")] public string OneHour { get; init; } = "";
    [JsonPropertyName("needsKnowledge")] public string NeedsKnowledge { get; init; } = "";
    [JsonPropertyName("closing")] public string Closing { get; init; } = "";
    [JsonPropertyName("orderNumber")] public string OrderNumber { get; init; } = "";
    [JsonPropertyName("amount")] public string Amount { get; init; } = "";
    [JsonPropertyName("date")] public string Date { get; init; } = "";
    [JsonPropertyName("contact")] public string Contact { get; init; } = "";
    [JsonPropertyName("trackingNumber")] public string TrackingNumber { get; init; } = "";
    [JsonPropertyName("address")] public string Address { get; init; } = "";
    [JsonPropertyName("verify")] public string Verify { get; init; } = "";

    public static IReadOnlyDictionary<string, ComposerPhrases> Defaults { get; } = Load();

    private static Dictionary<string, ComposerPhrases> Load()
    {
        using var stream = typeof(ComposerPhrases).Assembly.GetManifestResourceStream("Triage.Drafting.Composer.phrases.json")
            ?? throw new InvalidOperationException("phrases.json is not embedded in Triage.Drafting.");
        return JsonSerializer.Deserialize<Dictionary<string, ComposerPhrases>>(stream)
            ?? throw new InvalidDataException("phrases.json is empty.");
    }
}
