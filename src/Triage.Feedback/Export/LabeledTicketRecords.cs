using Triage.Core.Tickets;
using Triage.Core.Feedback;
using Triage.Corpus;

namespace Triage.Feedback.Export;

/// <summary>An exported ticket as a corpus record: exactly the training-data ticket schema.</summary>
public static class LabeledTicketRecords
{
    public static LabeledTicketRecord From(LabeledExport row) => new()
    {
        Id = row.TicketId,
        Language = row.Language,
        Channel = ChannelNames.Of(row.Channel),
        Subject = row.Subject,
        Body = row.Body,
        Category = row.Category,
        Intent = row.Intent,
        Urgency = row.Urgency,
        Source = ExportSources.Of(row.Source),
        Traits = [],
    };
}
