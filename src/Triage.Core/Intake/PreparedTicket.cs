using Triage.Core.Privacy;
using Triage.Core.Text;
using Triage.Core.Tickets;

namespace Triage.Core.Intake;

/// <summary>A ticket after the shared first steps: normalized text, its language, and a redacted copy.</summary>
public sealed record PreparedTicket(Ticket Ticket, NormalizedText Text, string Language, RedactedText Redacted);
