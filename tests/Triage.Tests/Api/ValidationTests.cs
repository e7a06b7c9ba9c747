using Google.Protobuf.WellKnownTypes;
using Triage.Api.V1;

namespace Triage.Tests.Api;

/// <summary>Every intake rule: INVALID_ARGUMENT with the field named in a google.rpc.BadRequest.</summary>
public sealed class ValidationTests(TriageHostFixture fixture) : IClassFixture<TriageHostFixture>
{
    private readonly TriageService.TriageServiceClient _intake = fixture.Host.Client(TestKeys.AcmeIntake);
    private readonly TriageService.TriageServiceClient _agent = fixture.Host.Client(TestKeys.AcmeAgent);
    private readonly TriageService.TriageServiceClient _admin = fixture.Host.Client(TestKeys.AcmeAdmin);

    private Task Classify(Ticket? ticket) => _intake.ClassifyTicketAsync(new ClassifyTicketRequest { Ticket = ticket }).ResponseAsync;

    private static Ticket With(Action<Ticket> change)
    {
        var ticket = Tickets.Valid();
        change(ticket);
        return ticket;
    }

    public static TheoryData<string, string> BadTickets() => new()
    {
        { "ticket.ticket_id", "missing id" },
        { "ticket.ticket_id", "id with spaces" },
        { "ticket.ticket_id", "id too long" },
        { "ticket.body", "missing body" },
        { "ticket.body", "blank body" },
        { "ticket.body", "body over 32 KiB" },
        { "ticket.body", "NUL in body" },
        { "ticket.body", "escape character in body" },
        { "ticket.body", "DEL in body" },
        { "ticket.subject", "subject too long" },
        { "ticket.subject", "bell in subject" },
        { "ticket.channel", "channel unset" },
        { "ticket.channel", "unknown channel number" },
        { "ticket.customer_tier", "unknown tier number" },
        { "ticket.language", "bad language tag" },
        { "ticket.customer_id", "customer id too long" },
        { "ticket.created_at", "far future" },
        { "ticket.created_at", "nanos out of range" },
        { "ticket.metadata", "too many metadata entries" },
        { "ticket.metadata[note]", "metadata value too long" },
    };

    private static Ticket Build(string scenario) => scenario switch
    {
        "missing id" => With(t => t.TicketId = ""),
        "id with spaces" => With(t => t.TicketId = "T 1"),
        "id too long" => With(t => t.TicketId = new string('x', 129)),
        "missing body" => With(t => t.Body = ""),
        "blank body" => With(t => t.Body = " \n\t "),
        "body over 32 KiB" => With(t => t.Body = new string('가', 11_000)), // 33,000 bytes of UTF-8
        "NUL in body" => With(t => t.Body = "환불\0요청"),
        "escape character in body" => With(t => t.Body = "refund \u001b[31m now"),
        "DEL in body" => With(t => t.Body = "refund \u007f now"),
        "subject too long" => With(t => t.Subject = new string('s', 1025)),
        "bell in subject" => With(t => t.Subject = "hi\u0007"),
        "channel unset" => With(t => t.Channel = Channel.Unspecified),
        "unknown channel number" => With(t => t.Channel = (Channel)42),
        "unknown tier number" => With(t => t.CustomerTier = (CustomerTier)9),
        "bad language tag" => With(t => t.Language = "korean language"),
        "customer id too long" => With(t => t.CustomerId = new string('c', 129)),
        "far future" => With(t => t.CreatedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30))),
        "nanos out of range" => With(t => t.CreatedAt = new Timestamp { Seconds = 1, Nanos = 2_000_000_000 }),
        "too many metadata entries" => With(t =>
        {
            for (var i = 0; i < 33; i++)
            {
                t.Metadata[$"k{i}"] = "v";
            }
        }),
        "metadata value too long" => With(t => t.Metadata["note"] = new string('v', 1025)),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public async Task A_bad_ticket_names_the_field(string field, string scenario)
    {
        await RpcAssert.InvalidField(field, () => Classify(Build(scenario)));
    }

    [Fact]
    public async Task A_missing_ticket_is_named()
    {
        await RpcAssert.InvalidField("ticket", () => Classify(null));
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var bad = await RpcAssert.InvalidField("ticket.body", () => Classify(With(t =>
        {
            t.TicketId = "";
            t.Body = "";
            t.Channel = Channel.Unspecified;
        })));
        Assert.Equal(["ticket.ticket_id", "ticket.body", "ticket.channel"], bad.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_passes_validation()
    {
        var atLimit = With(t => t.Body = new string('a', 32 * 1024));
        await Classify(atLimit);
    }

    [Fact]
    public async Task Noise_that_is_not_control_characters_is_accepted()
    {
        // Zero-width spaces, BOMs, HTML and mojibake are the normalizer's job, not grounds for refusal.
        var noisy = With(t => t.Body = "\ufeff배송&nbsp;조회가\u200b 안 됩니다<br>ĸÄÅÀÅÀÀÀÄÀ\r\n\t확인 부탁드려요");
        await Classify(noisy);
    }

    [Fact]
    public async Task A_message_over_the_transport_limit_is_refused_without_harm()
    {
        var huge = With(t => t.Body = new string('x', 1024 * 1024));
        await RpcAssert.Fails(Grpc.Core.StatusCode.ResourceExhausted, () => Classify(huge));
        await Classify(Tickets.Valid());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public async Task Triage_max_similar_cases_is_bounded(int value)
    {
        await RpcAssert.InvalidField("max_similar_cases", () =>
            _intake.TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid(), MaxSimilarCases = value }).ResponseAsync);
    }

    [Theory]
    [InlineData(-5, 0f, "top_k")]
    [InlineData(1_000_000, 0f, "top_k")]
    [InlineData(5, 1.5f, "min_similarity")]
    [InlineData(5, float.NaN, "min_similarity")]
    public async Task Similar_case_search_limits_are_checked(int topK, float minSimilarity, string field)
    {
        await RpcAssert.InvalidField(field, () => _intake.FindSimilarCasesAsync(new FindSimilarCasesRequest
        {
            Ticket = Tickets.Valid(), TopK = topK, MinSimilarity = minSimilarity,
        }).ResponseAsync);
    }

    [Fact]
    public async Task Similar_case_filter_fields_are_checked()
    {
        await RpcAssert.InvalidField("filter.channel", () => _intake.FindSimilarCasesAsync(new FindSimilarCasesRequest
        {
            Ticket = Tickets.Valid(), Filter = new CaseFilter { Channel = (Channel)77 },
        }).ResponseAsync);
        await RpcAssert.InvalidField("filter.category", () => _intake.FindSimilarCasesAsync(new FindSimilarCasesRequest
        {
            Ticket = Tickets.Valid(), Filter = new CaseFilter { Category = "two words" },
        }).ResponseAsync);
    }

    [Theory]
    [InlineData("review_id")]
    [InlineData("draft_id")]
    [InlineData("decision")]
    [InlineData("final_text")]
    [InlineData("rejection_reason")]
    [InlineData("representative_id")]
    [InlineData("corrected_urgency")]
    public async Task Review_fields_are_checked(string field)
    {
        var review = new SubmitReviewRequest { ReviewId = "R1", DraftId = "D1", Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" };
        switch (field)
        {
            case "review_id": review.ReviewId = ""; break;
            case "draft_id": review.DraftId = "bad id"; break;
            case "decision": review.Decision = (ReviewDecision)12; break;
            case "final_text": review.Decision = ReviewDecision.Edited; break;
            case "rejection_reason": review.Decision = ReviewDecision.Rejected; break;
            case "representative_id": review.RepresentativeId = ""; break;
            case "corrected_urgency": review.CorrectedUrgency = "very\nurgent"; break;
        }

        await RpcAssert.InvalidField(field, () => _agent.SubmitReviewAsync(review).ResponseAsync);
    }

    [Fact]
    public async Task Draft_label_hints_are_checked()
    {
        await RpcAssert.InvalidField("urgency", () => _intake.DraftReplyAsync(new DraftReplyRequest { Ticket = Tickets.Valid(), Urgency = "so urgent" }).ResponseAsync);
    }

    [Fact]
    public async Task Delete_needs_a_case_id()
    {
        await RpcAssert.InvalidField("case_id", () => _admin.DeleteCaseAsync(new DeleteCaseRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Export_time_range_must_be_ordered()
    {
        var now = DateTimeOffset.UtcNow;
        var call = _admin.ExportLabeledTickets(new ExportLabeledTicketsRequest
        {
            From = Timestamp.FromDateTimeOffset(now), To = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
        });
        await RpcAssert.InvalidField("to", () => call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task Streaming_draft_requests_are_validated_too()
    {
        var call = _intake.StreamDraftReply(new DraftReplyRequest { Ticket = With(t => t.Body = "") });
        await RpcAssert.InvalidField("ticket.body", () => call.ResponseStream.MoveNext(CancellationToken.None));
    }
}
