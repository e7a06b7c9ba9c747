using Google.Protobuf.Collections;
using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Retrieval.Qdrant;

/// <summary>A case as Qdrant payload: flat keys, so each filterable field can carry a payload index.</summary>
internal static class CasePayload
{
    public const string Tenant = "tenant";
    public const string CaseId = "case_id";
    public const string Language = "language";
    public const string Channel = "channel";
    public const string Category = "category";
    public const string Intent = "intent";
    public const string ResolvedAt = "resolved_at";
    private const string Subject = "subject";
    private const string Body = "body";
    private const string Reply = "reply";
    private const string Urgency = "urgency";
    private const string Outcome = "outcome";

    /// <summary>Keyword-indexed fields (the tenant index is created with is_tenant where the server supports it).</summary>
    public static IReadOnlyList<string> KeywordFields { get; } = [Tenant, Category, Intent, Language, Channel];

    public static void Write(CaseRecord c, MapField<string, Value> payload)
    {
        payload[Tenant] = Text(c.Tenant);
        payload[CaseId] = Text(c.CaseId);
        payload[Language] = Text(c.Language);
        if (c.Channel is { } channel)
        {
            payload[Channel] = Text(ChannelName(channel));
        }

        payload[Subject] = Text(c.Subject);
        payload[Body] = Text(c.Body);
        payload[Reply] = Text(c.Reply);
        payload[Category] = Text(c.Category);
        payload[Intent] = Text(c.Intent);
        payload[Urgency] = Text(c.Urgency);
        payload[Outcome] = Text(c.Outcome);
        payload[ResolvedAt] = new Value { DoubleValue = EpochSeconds(c.ResolvedAt) };
    }

    /// <summary>Null when the point is not a case of ours (a marker, or a foreign point without a tenant).</summary>
    public static CaseRecord? Read(MapField<string, Value> payload)
    {
        var tenant = String(payload, Tenant);
        var caseId = String(payload, CaseId);
        if (tenant.Length == 0 || caseId.Length == 0)
        {
            return null;
        }

        var channel = Enum.TryParse<Channel>(String(payload, Channel), ignoreCase: true, out var parsed) ? parsed : (Channel?)null;
        var resolvedAt = payload.TryGetValue(ResolvedAt, out var when) && when.KindCase is Value.KindOneofCase.DoubleValue or Value.KindOneofCase.IntegerValue
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(Number(when) * 1000))
            : DateTimeOffset.UnixEpoch;
        return new CaseRecord(tenant, caseId, String(payload, Language), channel, String(payload, Subject), String(payload, Body),
            String(payload, Reply), String(payload, Category), String(payload, Intent), String(payload, Urgency), String(payload, Outcome), resolvedAt);
    }

    public static string ChannelName(Channel channel) => channel.ToString();

    /// <summary>Seconds with millisecond precision: numeric so a range filter can compare it, fractional so
    /// "resolved after" stays exact below the second.</summary>
    public static double EpochSeconds(DateTimeOffset when) => when.ToUnixTimeMilliseconds() / 1000.0;

    private static Value Text(string s) => new() { StringValue = s };

    private static string String(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var v) && v.KindCase == Value.KindOneofCase.StringValue ? v.StringValue : "";

    private static double Number(Value v) => v.KindCase == Value.KindOneofCase.IntegerValue ? v.IntegerValue : v.DoubleValue;
}
