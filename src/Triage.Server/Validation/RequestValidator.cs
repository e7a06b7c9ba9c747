using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Triage.Api.V1;

namespace Triage.Server.Validation;

/// <summary>
/// The intake rules for every request message. Field names in errors are the proto field paths a
/// caller sees in its own code (<c>ticket.body</c>, <c>top_k</c>).
/// </summary>
public sealed class RequestValidator(IOptions<IntakeOptions> options)
{
    public const int MaxSimilarCases = 20;
    public const int MaxTopK = 50;
    private readonly IntakeOptions _limits = options.Value;

    public void Validate(TriageTicketRequest request)
    {
        var errors = new FieldErrors();
        Ticket(errors, "ticket", request.Ticket);
        Range(errors, "max_similar_cases", request.MaxSimilarCases, 0, MaxSimilarCases);
        errors.ThrowIfAny();
    }

    public void Validate(ClassifyTicketRequest request)
    {
        var errors = new FieldErrors();
        Ticket(errors, "ticket", request.Ticket);
        errors.ThrowIfAny();
    }

    public void Validate(FindSimilarCasesRequest request)
    {
        var errors = new FieldErrors();
        Ticket(errors, "ticket", request.Ticket);
        Range(errors, "top_k", request.TopK, 0, MaxTopK);
        if (float.IsNaN(request.MinSimilarity) || request.MinSimilarity is < 0 or > 1)
        {
            errors.Add("min_similarity", "must be between 0 and 1");
        }

        if (request.Filter is { } filter)
        {
            TextRules.OptionalLanguage(errors, "filter.language", filter.Language);
            Label(errors, "filter.category", filter.Category);
            Label(errors, "filter.intent", filter.Intent);
            DefinedOrUnset(errors, "filter.channel", filter.Channel);
            Timestamp(errors, "filter.resolved_after", filter.ResolvedAfter);
        }

        errors.ThrowIfAny();
    }

    public void Validate(DraftReplyRequest request)
    {
        var errors = new FieldErrors();
        Ticket(errors, "ticket", request.Ticket);
        Label(errors, "category", request.Category);
        Label(errors, "intent", request.Intent);
        Label(errors, "urgency", request.Urgency);
        errors.ThrowIfAny();
    }

    public void Validate(SubmitReviewRequest request)
    {
        var errors = new FieldErrors();
        TextRules.RequireId(errors, "review_id", request.ReviewId);
        TextRules.RequireId(errors, "draft_id", request.DraftId);
        TextRules.RequireId(errors, "representative_id", request.RepresentativeId);
        switch (request.Decision)
        {
            case ReviewDecision.Accepted:
                break;
            case ReviewDecision.Edited:
                TextRules.Text(errors, "final_text", request.FinalText, required: true, maxUtf8Bytes: _limits.MaxBodyBytes);
                break;
            case ReviewDecision.Rejected:
                TextRules.Text(errors, "rejection_reason", request.RejectionReason, required: true, maxChars: 2048);
                break;
            default:
                errors.Add("decision", "must be ACCEPTED, EDITED or REJECTED");
                break;
        }

        Label(errors, "corrected_category", request.CorrectedCategory);
        Label(errors, "corrected_intent", request.CorrectedIntent);
        Label(errors, "corrected_urgency", request.CorrectedUrgency);
        errors.ThrowIfAny();
    }

    /// <summary>One streamed case; errors are reported per item rather than thrown.</summary>
    public FieldErrors Check(ResolvedCase item)
    {
        var errors = new FieldErrors();
        TextRules.RequireId(errors, "case_id", item.CaseId);
        TextRules.OptionalLanguage(errors, "language", item.Language);
        DefinedOrUnset(errors, "channel", item.Channel);
        TextRules.Text(errors, "subject", item.Subject, required: false, maxChars: _limits.MaxSubjectChars);
        TextRules.Text(errors, "body", item.Body, required: true, maxUtf8Bytes: _limits.MaxBodyBytes);
        TextRules.Text(errors, "reply", item.Reply, required: true, maxUtf8Bytes: _limits.MaxBodyBytes);
        Label(errors, "category", item.Category);
        Label(errors, "intent", item.Intent);
        Label(errors, "urgency", item.Urgency);
        TextRules.Text(errors, "outcome", item.Outcome, required: false, maxChars: 64);
        Timestamp(errors, "resolved_at", item.ResolvedAt);
        return errors;
    }

    public void Validate(DeleteCaseRequest request)
    {
        var errors = new FieldErrors();
        TextRules.RequireId(errors, "case_id", request.CaseId);
        errors.ThrowIfAny();
    }

    public void Validate(ExportLabeledTicketsRequest request)
    {
        var errors = new FieldErrors();
        TimeRange(errors, request.From, request.To);

        TextRules.OptionalLanguage(errors, "language", request.Language);
        if (!System.Enum.IsDefined(request.LabelSource))
        {
            errors.Add("label_source", $"unknown value {(int)request.LabelSource}");
        }

        errors.ThrowIfAny();
    }

    public void Validate(GetQualityStatsRequest request)
    {
        var errors = new FieldErrors();
        TimeRange(errors, request.From, request.To);

        errors.ThrowIfAny();
    }

    private void Ticket(FieldErrors errors, string prefix, Api.V1.Ticket? ticket)
    {
        if (ticket is null)
        {
            errors.Add(prefix, "is required");
            return;
        }

        TextRules.RequireId(errors, $"{prefix}.ticket_id", ticket.TicketId);
        TextRules.Text(errors, $"{prefix}.subject", ticket.Subject, required: false, maxChars: _limits.MaxSubjectChars);
        TextRules.Text(errors, $"{prefix}.body", ticket.Body, required: true, maxUtf8Bytes: _limits.MaxBodyBytes);
        if (ticket.Channel == Channel.Unspecified)
        {
            errors.Add($"{prefix}.channel", "is required: EMAIL, CHAT, PHONE, SOCIAL or WEB_FORM");
        }
        else if (!System.Enum.IsDefined(ticket.Channel))
        {
            errors.Add($"{prefix}.channel", $"unknown value {(int)ticket.Channel}");
        }

        TextRules.OptionalLanguage(errors, $"{prefix}.language", ticket.Language);
        TextRules.Text(errors, $"{prefix}.customer_id", ticket.CustomerId, required: false, maxChars: 128);
        if (!System.Enum.IsDefined(ticket.CustomerTier))
        {
            errors.Add($"{prefix}.customer_tier", $"unknown value {(int)ticket.CustomerTier}");
        }

        Timestamp(errors, $"{prefix}.created_at", ticket.CreatedAt);
        if (ticket.CreatedAt is { } created && created.Seconds > DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds())
        {
            errors.Add($"{prefix}.created_at", "is more than a day in the future");
        }

        if (ticket.Metadata.Count > _limits.MaxMetadataEntries)
        {
            errors.Add($"{prefix}.metadata", $"has {ticket.Metadata.Count} entries; the limit is {_limits.MaxMetadataEntries}");
        }

        foreach (var (key, value) in ticket.Metadata)
        {
            TextRules.Text(errors, $"{prefix}.metadata", key, required: true, maxChars: 64);
            TextRules.Text(errors, $"{prefix}.metadata[{Truncate(key)}]", value, required: false, maxChars: 1024);
        }
    }

    private static void Label(FieldErrors errors, string field, string value)
    {
        if (value.Length > 64 || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            errors.Add(field, "must be a label name: at most 64 characters, no spaces or control characters");
        }
    }

    private static void Range(FieldErrors errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"must be between {min} and {max} (got {value})");
        }
    }

    private static void DefinedOrUnset(FieldErrors errors, string field, Channel channel)
    {
        if (!System.Enum.IsDefined(channel))
        {
            errors.Add(field, $"unknown value {(int)channel}");
        }
    }

    /// <summary>An optional window: both ends valid timestamps, and <c>to</c> after <c>from</c> when both are given.</summary>
    private static void TimeRange(FieldErrors errors, Timestamp? from, Timestamp? to)
    {
        var before = errors.Violations.Count;
        Timestamp(errors, "from", from);
        Timestamp(errors, "to", to);
        if (errors.Violations.Count == before && from is not null && to is not null && from.CompareTo(to) >= 0)
        {
            errors.Add("to", "must be after 'from'");
        }
    }

    private static void Timestamp(FieldErrors errors, string field, Timestamp? value)
    {
        // Timestamp's own range: 0001-01-01 to 9999-12-31, nanos within a second.
        if (value is not null && (value.Seconds is < -62135596800 or > 253402300799 || value.Nanos is < 0 or > 999_999_999))
        {
            errors.Add(field, "is not a valid timestamp");
        }
    }

    private static string Truncate(string key) => key.Length <= 64 ? key : key[..64];
}
