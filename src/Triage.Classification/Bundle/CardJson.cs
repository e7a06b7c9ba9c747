using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triage.Classifier.Bundle;

/// <summary>How model cards are written and read: camelCase, indented, Hangul left readable.</summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(ModelCard card) => JsonSerializer.Serialize(card, Options);

    public static ModelCard Deserialize(string json) =>
        JsonSerializer.Deserialize<ModelCard>(json, Options) ?? throw new InvalidDataException("model-card.json is empty");
}
