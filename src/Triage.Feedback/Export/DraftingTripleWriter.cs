using Triage.Core.Tickets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Triage.Core.Feedback;

namespace Triage.Feedback.Export;

/// <summary>(ticket, draft, final reply) triples as JSONL, for evaluating drafters against what representatives sent.</summary>
public static class DraftingTripleWriter
{
    private sealed record Line(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("language")] string Language,
        [property: JsonPropertyName("channel")] string Channel,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("body")] string Body,
        [property: JsonPropertyName("drafter")] string Drafter,
        [property: JsonPropertyName("draft")] string Draft,
        [property: JsonPropertyName("final_reply")] string FinalReply,
        [property: JsonPropertyName("decision")] string Decision,
        [property: JsonPropertyName("edit_distance")] int EditDistance,
        [property: JsonPropertyName("reviewed_at")] DateTimeOffset ReviewedAt);

    public static async Task<int> WriteJsonlAsync(IAsyncEnumerable<DraftingTriple> triples, TextWriter writer, CancellationToken ct)
    {
        var count = 0;
        await foreach (var t in triples.WithCancellation(ct))
        {
            var line = new Line(t.TicketId, t.Language, ChannelNames.Of(t.Channel), t.Subject, t.Body, t.Drafter, t.DraftText, t.FinalReply,
                t.Decision == ReviewDecision.Accepted ? "accepted" : "edited", t.EditDistance, t.ReviewedAt);
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, ExportJson.Options).AsMemory(), ct);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }
}
