namespace Triage.Core.Tickets;

/// <summary>A ticket as received, already validated at the edge. Texts are raw: normalization keeps them.</summary>
public sealed record Ticket(
    string TicketId,
    string Subject,
    string Body,
    Channel Channel,
    string? LanguageHint = null,
    string? CustomerId = null,
    CustomerTier Tier = CustomerTier.Unspecified,
    DateTimeOffset? CreatedAt = null,
    IReadOnlyDictionary<string, string>? Metadata = null);
