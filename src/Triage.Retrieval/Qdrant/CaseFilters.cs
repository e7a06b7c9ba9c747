using Triage.Core.Retrieval;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Retrieval.Qdrant;

/// <summary>Builds Qdrant filters. The tenant condition is added unconditionally: no caller can search across tenants.</summary>
internal static class CaseFilters
{
    public static Filter ForTenant(string tenant) => new() { Must = { Keyword(CasePayload.Tenant, tenant) } };

    public static Filter For(string tenant, CaseFilter narrowing)
    {
        var filter = ForTenant(tenant);
        AddKeyword(filter, CasePayload.Category, narrowing.Category);
        AddKeyword(filter, CasePayload.Intent, narrowing.Intent);
        AddKeyword(filter, CasePayload.Language, narrowing.Language);
        AddKeyword(filter, CasePayload.Channel, narrowing.Channel is { } channel ? CasePayload.ChannelName(channel) : null);
        if (narrowing.ResolvedAfter is { } after)
        {
            filter.Must.Add(new Condition
            {
                Field = new FieldCondition { Key = CasePayload.ResolvedAt, Range = new Wire.Range { Gt = CasePayload.EpochSeconds(after) } },
            });
        }

        return filter;
    }

    private static void AddKeyword(Filter filter, string key, string? value)
    {
        if (value is not null)
        {
            filter.Must.Add(Keyword(key, value));
        }
    }

    private static Condition Keyword(string key, string value) =>
        new() { Field = new FieldCondition { Key = key, Match = new Match { Keyword = value } } };
}
