namespace Triage.Drafting.Composer;

/// <summary>Specifics the ticket states once and unambiguously, usable to fill a reply.</summary>
internal sealed record TicketDetails(string? OrderNumber, string? Amount)
{
    public static TicketDetails From(string ticketText) =>
        new(Single(CaseDetailScrubber.OrderNumber().Matches(ticketText).Select(m => m.Value)),
            Single(CaseDetailScrubber.Amount().Matches(ticketText).Select(m => m.Value)));

    private static string? Single(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }
}
