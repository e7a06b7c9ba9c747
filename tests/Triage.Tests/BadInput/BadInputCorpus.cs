using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using static Triage.Tests.BadInput.BadInputCase;

namespace Triage.Tests.BadInput;

/// <summary>
/// The bad-input corpus (issue #8): every entry is run by <see cref="BadInputTests"/> over gRPC and, where
/// the method has an HTTP route and the case a JSON form, over JSON transcoding, and after each the service
/// must still answer a good request. Add a case here, not a new test.
/// </summary>
public static class BadInputCorpus
{
    private const string Classify = "ClassifyTicket";
    private const string Triage = "TriageTicket";
    private const string Search = "FindSimilarCases";
    private const string Draft = "DraftReply";
    private const string Review = "SubmitReview";
    private const string Delete = "DeleteCase";

    /// <summary>What JSON transcoding says, without a field, for a body that is not the request's JSON.</summary>
    private static readonly Expect NotJson = Expect.Unparsable("Request JSON payload is not correctly formatted");

    public static IReadOnlyList<BadInputCase> All { get; } = Build();

    public static BadInputCase Named(string name) => All.Single(c => c.Name == name);

    private static List<BadInputCase> Build()
    {
        var cases = new List<BadInputCase>
        {
            // Blank text: nothing visible is as missing as nothing at all, for the required body.
            Both("body empty", Classify, Ticket(t => t.Body = ""), Expect.Invalid("ticket.body")),
            Both("body spaces, tabs and line breaks only", Classify, Ticket(t => t.Body = " \t\r\n  "), Expect.Invalid("ticket.body")),
            Both("body ideographic and no-break spaces only", Classify, Ticket(t => t.Body = "\u3000\u00a0\u3000"), Expect.Invalid("ticket.body")),
            Both("body zero-width spaces only", Classify, Ticket(t => t.Body = "\u200b\u200b\u200b"), Expect.Invalid("ticket.body")),
            Both("body BOM, word joiner and zero-width joiner only", Classify, Ticket(t => t.Body = "\ufeff\u2060\u200d"), Expect.Invalid("ticket.body")),
            Both("body Hangul fillers only", Classify, Ticket(t => t.Body = "\u3164\u115f\u3164"), Expect.Invalid("ticket.body")),
            Both("body of zero-width spaces around a word", Classify, Ticket(t => t.Body = "\u200b환불\u200b"), Expect.Ok),
            Both("subject empty", Classify, Ticket(t => t.Subject = ""), Expect.Ok),
            Both("subject whitespace only (optional, so accepted)", Classify, Ticket(t => t.Subject = "  \t "), Expect.Ok),
            Both("subject zero-width only (optional, so accepted)", Classify, Ticket(t => t.Subject = "\u200b\ufeff"), Expect.Ok),

            // Control characters and null bytes; line breaks and tabs are text.
            Both("body NUL only", Classify, Ticket(t => t.Body = "\0"), Expect.Invalid("ticket.body")),
            Both("body with a NUL inside", Classify, Ticket(t => t.Body = "환불\0요청"), Expect.Invalid("ticket.body")),
            Both("body with an ANSI escape sequence", Classify, Ticket(t => t.Body = "refund \u001b[31mnow\u001b[0m"), Expect.Invalid("ticket.body")),
            Both("body with vertical tab and form feed", Classify, Ticket(t => t.Body = "page\u000bone\u000ctwo"), Expect.Invalid("ticket.body")),
            Both("body with DEL", Classify, Ticket(t => t.Body = "refund\u007f"), Expect.Invalid("ticket.body")),
            Both("body with the noncharacter U+FFFF", Classify, Ticket(t => t.Body = "환불\uffff"), Expect.Invalid("ticket.body")),
            Both("body with CR LF, tab, line and paragraph separators", Classify, Ticket(t => t.Body = "환불\r\n\t요청\u2028합니다\u2029"), Expect.Ok),
            Both("body of emoji only", Classify, Ticket(t => t.Body = "🔑🥡🍕"), Expect.Ok),
            Both("subject with NUL", Classify, Ticket(t => t.Subject = "배송\0문의"), Expect.Invalid("ticket.subject")),
            Both("subject with bell", Classify, Ticket(t => t.Subject = "hi\u0007"), Expect.Invalid("ticket.subject")),
            Both("ticket id with NUL", Classify, Ticket(t => t.TicketId = "T\u00001"), Expect.Invalid("ticket.ticket_id")),
            Both("metadata key empty", Classify, Ticket(t => t.Metadata[""] = "v"), Expect.Invalid("ticket.metadata")),
            Both("metadata value with NUL", Classify, Ticket(t => t.Metadata["note"] = "a\0b"), Expect.Invalid("ticket.metadata[note]")),

            // Sizes: the body rule (32 KiB) answers below the transport's message limit (256 KiB), the
            // transport above it. JSON transcoding has no message limit of its own, so there the body rule answers.
            Both("body at the limit: 10,922 Hangul syllables (32,766 bytes)", Classify, Ticket(t => t.Body = new string('가', 10_922)), Expect.Ok),
            Both("body 100 KiB", Classify, Ticket(t => t.Body = new string('x', 100 * 1024)), Expect.Invalid("ticket.body")),
            Both("body 1 MiB", Classify, Ticket(t => t.Body = new string('x', 1024 * 1024)),
                new Expect(StatusCode.ResourceExhausted, Detail: "exceeds the maximum configured message size"), json: Expect.Invalid("ticket.body")),
            Both("subject 1,025 characters", Classify, Ticket(t => t.Subject = new string('s', 1025)), Expect.Invalid("ticket.subject")),
            Both("subject 200,000 characters", Classify, Ticket(t => t.Subject = new string('s', 200_000)), Expect.Invalid("ticket.subject")),
            Both("ticket id 10,000 characters", Classify, Ticket(t => t.TicketId = new string('t', 10_000)), Expect.Invalid("ticket.ticket_id")),
            Both("ticket id in Hangul", Classify, Ticket(t => t.TicketId = "티켓-1"), Expect.Invalid("ticket.ticket_id")),
            Both("ticket missing", Classify, new ClassifyTicketRequest(), Expect.Invalid("ticket")),
            Both("every ticket field wrong at once", Classify, Ticket(t => { t.TicketId = ""; t.Body = "\u200b"; t.Channel = (Channel)999; }), Expect.Invalid("ticket.body")),

            // Enum numbers no proto declares.
            Both("channel 999", Classify, Ticket(t => t.Channel = (Channel)999), Expect.Invalid("ticket.channel")),
            Both("channel -1", Classify, Ticket(t => t.Channel = (Channel)(-1)), Expect.Invalid("ticket.channel")),
            Both("channel unset", Classify, Ticket(t => t.Channel = Channel.Unspecified), Expect.Invalid("ticket.channel")),
            Both("customer tier -1", Classify, Ticket(t => t.CustomerTier = (CustomerTier)(-1)), Expect.Invalid("ticket.customer_tier")),
            Both("search filter channel -1", Search, new FindSimilarCasesRequest { Ticket = Tickets.Valid(), Filter = new CaseFilter { Channel = (Channel)(-1) } }, Expect.Invalid("filter.channel")),
            Both("review decision 999", Review, AReview(r => r.Decision = (ReviewDecision)999), Expect.Invalid("decision")) with { Key = TestKeys.AcmeAgent },
            Both("review decision -1", Review, AReview(r => r.Decision = (ReviewDecision)(-1)), Expect.Invalid("decision")) with { Key = TestKeys.AcmeAgent },
            Both("review decision unset", Review, AReview(r => r.Decision = ReviewDecision.Unspecified), Expect.Invalid("decision")) with { Key = TestKeys.AcmeAgent },
            JsonOnly("channel name no proto declares (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_FAX"}}""", Expect.Unparsable("CHANNEL_FAX")),
            JsonOnly("decision name no proto declares (JSON)", Review, """{"reviewId": "R-1", "draftId": "d-1", "decision": "REVIEW_DECISION_MAYBE", "representativeId": "rep-1"}""",
                Expect.Unparsable("REVIEW_DECISION_MAYBE")) with { Key = TestKeys.AcmeAgent },
            // Labels are data (the bundle's label sets), not enums: any label-shaped hint is accepted.
            Both("urgency hint \"-1\" is a label name", Draft, new DraftReplyRequest { Ticket = Tickets.Valid(), Urgency = "-1" }, Expect.Ok),
            Both("urgency hint with a space", Draft, new DraftReplyRequest { Ticket = Tickets.Valid(), Urgency = "very urgent" }, Expect.Invalid("urgency")),

            // Limits.
            Both("top_k -1", Search, ASearch(s => s.TopK = -1), Expect.Invalid("top_k")),
            Both("top_k int.MinValue", Search, ASearch(s => s.TopK = int.MinValue), Expect.Invalid("top_k")),
            Both("top_k int.MaxValue", Search, ASearch(s => s.TopK = int.MaxValue), Expect.Invalid("top_k")),
            Both("top_k 0 means the default", Search, ASearch(s => s.TopK = 0), Expect.Ok),
            Both("top_k 50 is the maximum", Search, ASearch(s => s.TopK = 50), Expect.Ok),
            Both("min_similarity NaN", Search, ASearch(s => s.MinSimilarity = float.NaN), Expect.Invalid("min_similarity")),
            Both("min_similarity -0.1", Search, ASearch(s => s.MinSimilarity = -0.1f), Expect.Invalid("min_similarity")),
            Both("min_similarity +Infinity", Search, ASearch(s => s.MinSimilarity = float.PositiveInfinity), Expect.Invalid("min_similarity")),
            Both("min_similarity 1.01", Search, ASearch(s => s.MinSimilarity = 1.01f), Expect.Invalid("min_similarity")),
            Both("max_similar_cases -1", Triage, new TriageTicketRequest { Ticket = Tickets.Valid(), MaxSimilarCases = -1 }, Expect.Invalid("max_similar_cases")),
            Both("max_similar_cases int.MaxValue", Triage, new TriageTicketRequest { Ticket = Tickets.Valid(), MaxSimilarCases = int.MaxValue }, Expect.Invalid("max_similar_cases")),
            Both("max_similar_cases 0 means the default", Triage, new TriageTicketRequest { Ticket = Tickets.Valid(), MaxSimilarCases = 0 }, Expect.Ok),
            Both("created_at in the year 9999", Classify, Ticket(t => t.CreatedAt = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 253402300799 }), Expect.Invalid("ticket.created_at")),
            JsonOnly("top_k beyond int32 (JSON)", Search, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT"}, "topK": 2147483648}""", NotJson),
            JsonOnly("top_k fractional (JSON)", Search, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT"}, "topK": 1.5}""", NotJson),
            JsonOnly("top_k in words (JSON)", Search, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT"}, "topK": "five"}""", NotJson),
            JsonOnly("min_similarity \"NaN\" (JSON)", Search, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT"}, "minSimilarity": "NaN"}""", Expect.Invalid("min_similarity")),
            JsonOnly("min_similarity 1e39, beyond float (JSON)", Search, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT"}, "minSimilarity": 1e39}""", Expect.Invalid("min_similarity")),
            JsonOnly("created_at not a time (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT", "createdAt": "yesterday"}}""", Expect.Unparsable("Invalid Timestamp")),

            // Keys: who is calling comes before what they sent, and a refusal says nothing about the request.
            Both("no API key", Classify, Tickets.Classify(), new Expect(StatusCode.Unauthenticated, Detail: "x-api-key")) with { Key = null },
            Both("empty API key", Classify, Tickets.Classify(), new Expect(StatusCode.Unauthenticated)) with { Key = "" },
            Both("blank API key", Classify, Tickets.Classify(), new Expect(StatusCode.Unauthenticated)) with { Key = "   " },
            Both("unknown API key", Classify, Tickets.Classify(), new Expect(StatusCode.Unauthenticated, Detail: "not valid")) with { Key = "trg_not-a-key" },
            Both("API key of 10,000 characters", Classify, Tickets.Classify(), new Expect(StatusCode.Unauthenticated, Detail: "not valid")) with { Key = new string('k', 10_000) },
            Both("unknown API key with an invalid request", Classify, new ClassifyTicketRequest(), new Expect(StatusCode.Unauthenticated)) with { Key = "trg_not-a-key" },
            Both("agent key calling an intake method", Triage, new TriageTicketRequest { Ticket = Tickets.Valid() }, new Expect(StatusCode.PermissionDenied, Detail: "intake")) with { Key = TestKeys.AcmeAgent },
            Both("intake key submitting a review", Review, AReview(_ => { }), new Expect(StatusCode.PermissionDenied, Detail: "agent")),
            Both("review of a draft that does not exist", Review, AReview(_ => { }), new Expect(StatusCode.NotFound, Detail: "No draft 'd-does-not-exist' for this tenant")) with { Key = TestKeys.AcmeAgent },

            // Bytes that are not protobuf's UTF-8, or not a message at all.
            GrpcOnly("invalid UTF-8 (FF FE) in body", Classify, Broken(Ticket(t => t.Body = "#BAD#"), "#BAD#", 0xFF, 0xFE, 0x41, 0x42, 0x43), Expect.Invalid("ticket.body")),
            GrpcOnly("surrogate half as bytes (ED A0 80) in body", Classify, Broken(Ticket(t => t.Body = "#BAD#"), "#BAD#", 0x41, 0xED, 0xA0, 0x80, 0x42), Expect.Invalid("ticket.body")),
            GrpcOnly("overlong encoding (C0 AF) in subject", Classify, Broken(Ticket(t => t.Subject = "#BAD#"), "#BAD#", 0x41, 0xC0, 0xAF, 0x42, 0x43), Expect.Invalid("ticket.subject")),
            GrpcOnly("truncated sequence at the end of the ticket id", Classify, Broken(Ticket(t => t.TicketId = "#BAD#"), "#BAD#", 0x41, 0x42, 0x43, 0xE0, 0xA4), Expect.Invalid("ticket.ticket_id")),
            GrpcOnly("invalid UTF-8 in a metadata value", Classify, Broken(Ticket(t => t.Metadata["note"] = "#BAD#"), "#BAD#", 0x41, 0xFF, 0x42, 0x43, 0x44), Expect.Invalid("ticket.metadata")),
            GrpcOnly("invalid UTF-8 in a draft's label hint", Draft, Broken(new DraftReplyRequest { Ticket = Tickets.Valid(), Intent = "#BAD#" }, "#BAD#", 0x41, 0xFF, 0x42, 0x43, 0x44), Expect.Invalid("intent")),
            GrpcOnly("invalid UTF-8 in a review id", Review, Broken(AReview(r => r.ReviewId = "#BAD#"), "#BAD#", 0x41, 0xFF, 0x42, 0x43, 0x44), Expect.Invalid("review_id")) with { Key = TestKeys.AcmeAgent },
            GrpcOnly("invalid UTF-8 in a case id to delete", Delete, Broken(new DeleteCaseRequest { CaseId = "#BAD#" }, "#BAD#", 0x41, 0xFF, 0x42, 0x43, 0x44), Expect.Invalid("case_id")) with { Key = TestKeys.AcmeAdmin },
            GrpcOnly("message cut off half-way", Classify, Tickets.Classify().ToByteArray()[..40], Expect.Unparsable("not a valid triage.v1.ClassifyTicketRequest")),
            GrpcOnly("10,000 nested groups in an unknown field", Classify, [.. Tickets.Classify().ToByteArray(), .. Enumerable.Repeat((byte)0x7B, 10_000), .. Enumerable.Repeat((byte)0x7C, 10_000)],
                Expect.Unparsable("not a valid triage.v1.ClassifyTicketRequest")),
            GrpcOnly("unknown field numbers are skipped", Classify, [.. Tickets.Classify().ToByteArray(), 0xF8, 0x06, 0x01], Expect.Ok),
            GrpcOnly("empty message", Classify, [], Expect.Invalid("ticket")),
            Both("case id to delete empty", Delete, new DeleteCaseRequest(), Expect.Invalid("case_id")) with { Key = TestKeys.AcmeAdmin },

            // JSON that is not UTF-8, not JSON, or not this request's JSON.
            JsonOnly("invalid UTF-8 (FF FE) in body (JSON)", Classify, Broken("""{"ticket": {"ticketId": "W-1", "body": "#BAD#", "channel": "CHANNEL_CHAT"}}""", 0xFF, 0xFE, 0x41, 0x42, 0x43), NotJson),
            JsonOnly("surrogate half as bytes (ED A0 80) in body (JSON)", Classify, Broken("""{"ticket": {"ticketId": "W-1", "body": "#BAD#", "channel": "CHANNEL_CHAT"}}""", 0x41, 0xED, 0xA0, 0x80, 0x42), NotJson),
            // The reader checks UTF-8 where it decodes a string: an unknown property is skipped undecoded, so
            // its broken name goes with it, harmlessly.
            JsonOnly("invalid UTF-8 in an unknown property's name is skipped with it (JSON)", Classify,
                Broken("""{"ticket": {"ticketId": "W-1", "body": "x", "#BAD#": 1, "channel": "CHANNEL_CHAT"}}""", 0x41, 0xFF, 0x42, 0x43, 0x44), Expect.Ok),
            JsonOnly("invalid UTF-8 in a known property's name (JSON)", Classify,
                Broken("""{"ticket": {"ticketId": "W-1", "body": "x", "#BAD#": "CHANNEL_CHAT"}}""", 0x63, 0x68, 0xFF, 0x6E, 0x6C), Expect.Invalid("ticket.channel")),
            JsonOnly("lone high surrogate escape \\ud800 (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "\ud800", "channel": "CHANNEL_CHAT"}}""", NotJson),
            JsonOnly("lone low surrogate escape \\udc00 inside text (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "a\udc00b", "channel": "CHANNEL_CHAT"}}""", NotJson),
            JsonOnly("surrogate pair reversed (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "\udd11\ud83d", "channel": "CHANNEL_CHAT"}}""", NotJson),
            JsonOnly("escaped surrogate pair (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "\ud83d\udd11 환불", "channel": "CHANNEL_CHAT"}}""", Expect.Ok),
            JsonOnly("escaped NUL \\u0000 in body (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "a\u0000b", "channel": "CHANNEL_CHAT"}}""", Expect.Invalid("ticket.body")),
            JsonOnly("escaped zero-width spaces only (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "\u200b\u200b", "channel": "CHANNEL_CHAT"}}""", Expect.Invalid("ticket.body")),
            JsonOnly("10,000 nested arrays as the body (JSON)", Classify, "{\"ticket\": {\"ticketId\": \"W-1\", \"body\": " + new string('[', 10_000) + new string(']', 10_000) + ", \"channel\": \"CHANNEL_CHAT\"}}", NotJson),
            JsonOnly("10,000 nested objects as metadata (JSON)", Classify,
                "{\"ticket\": {\"ticketId\": \"W-1\", \"body\": \"x\", \"channel\": \"CHANNEL_CHAT\", \"metadata\": " + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) + "}}", NotJson),
            JsonOnly("100,000 nested arrays as the whole request (JSON)", Classify, new string('[', 100_000) + new string(']', 100_000), NotJson),
            JsonOnly("10,000 nested objects in an unknown field (JSON)", Classify,
                "{\"ticket\": {\"ticketId\": \"W-1\", \"body\": \"x\", \"channel\": \"CHANNEL_CHAT\"}, \"extra\": " + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) + "}", NotJson),
            JsonOnly("body a number (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": 12, "channel": "CHANNEL_CHAT"}}""", NotJson),
            JsonOnly("body an array of strings (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": ["환불"], "channel": "CHANNEL_CHAT"}}""", NotJson),
            JsonOnly("ticket a string (JSON)", Classify, """{"ticket": "환불해 주세요"}""", NotJson),
            JsonOnly("metadata value an object (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "x", "channel": "CHANNEL_CHAT", "metadata": {"a": {"b": 1}}}}""", NotJson),
            JsonOnly("request an array (JSON)", Classify, "[]", NotJson),
            JsonOnly("request a number (JSON)", Classify, "42", NotJson),
            JsonOnly("request null (JSON)", Classify, "null", Expect.Unparsable("Unable to deserialize null")),
            JsonOnly("empty request body (JSON)", Classify, "", NotJson),
            JsonOnly("JSON cut off half-way", Classify, """{"ticket": {"ticketId": "W-1", "bo""", NotJson),
            JsonOnly("trailing comma (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "x", "channel": "CHANNEL_CHAT",}}""", NotJson),
            JsonOnly("empty object (JSON)", Classify, "{}", Expect.Invalid("ticket")),
            JsonOnly("ticket null (JSON)", Classify, """{"ticket": null}""", Expect.Invalid("ticket")),
            JsonOnly("body null (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": null, "channel": "CHANNEL_CHAT"}}""", Expect.Invalid("ticket.body")),
            JsonOnly("ticket given twice, the last wins (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "x", "channel": "CHANNEL_CHAT"}, "ticket": {"ticketId": "W-2", "channel": "CHANNEL_CHAT"}}""", Expect.Invalid("ticket.body")),
            // As protobuf's binary form does, unknown fields are skipped: a newer client still gets through.
            JsonOnly("unknown fields are ignored (JSON)", Classify, """{"ticket": {"ticketId": "W-1", "body": "환불", "channel": "CHANNEL_CHAT", "priority": 1}, "extra": {"x": [1, 2]}}""", Expect.Ok),
        };

        // Noise is the normalizer's job, never grounds for refusal: every sample line is a ticket body that
        // goes through the whole intake (classification, search, draft).
        var line = 0;
        foreach (var sample in NoiseSamples())
        {
            line++;
            cases.Add(Both($"noise sample {line:00}: {Visible(sample)}", Triage, new TriageTicketRequest { Ticket = Tickets.Valid(sample) }, Expect.Ok));
        }

        return cases;
    }

    /// <summary>The committed copy of the shared noisy-text samples, header comments left out.</summary>
    public static IEnumerable<string> NoiseSamples() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "noisy-text-samples.txt")).Where(l => !l.StartsWith('#'));

    private static ClassifyTicketRequest Ticket(Action<Ticket> bend)
    {
        var ticket = Tickets.Valid();
        bend(ticket);
        return new ClassifyTicketRequest { Ticket = ticket };
    }

    private static FindSimilarCasesRequest ASearch(Action<FindSimilarCasesRequest> bend)
    {
        var request = new FindSimilarCasesRequest { Ticket = Tickets.Valid() };
        bend(request);
        return request;
    }

    private static SubmitReviewRequest AReview(Action<SubmitReviewRequest> bend)
    {
        var request = new SubmitReviewRequest { ReviewId = "R-corpus", DraftId = "d-does-not-exist", Decision = ReviewDecision.Accepted, RepresentativeId = "rep-1" };
        bend(request);
        return request;
    }

    /// <summary>The request's bytes with the UTF-8 of <paramref name="marker"/> overwritten by as many raw bytes.</summary>
    private static byte[] Broken(IMessage request, string marker, params byte[] replacement) => Replace(request.ToByteArray(), marker, replacement);

    private static byte[] Broken(string json, params byte[] replacement) => Replace(Encoding.UTF8.GetBytes(json), "#BAD#", replacement);

    private static byte[] Replace(byte[] bytes, string marker, byte[] replacement)
    {
        var target = Encoding.UTF8.GetBytes(marker);
        Assert.Equal(target.Length, replacement.Length);
        var at = bytes.AsSpan().IndexOf(target);
        Assert.True(at >= 0, $"marker {marker} not found");
        replacement.CopyTo(bytes, at);
        return bytes;
    }

    /// <summary>A test name that shows invisible characters as escapes.</summary>
    private static string Visible(string text) => string.Concat(text.Select(c =>
        c < ' ' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.SpaceSeparator && c != ' '
            ? $"\\u{(int)c:x4}"
            : c.ToString()));
}
