using Google.Protobuf.WellKnownTypes;
using Triage.Core.Retrieval;
using Triage.Retrieval.Search;
using V1 = Triage.Api.V1;

namespace Triage.Server.Grpc;

/// <summary>Wire to domain and back for resolved cases and searches.</summary>
internal static class CaseMapping
{
    public static CaseFilter ToDomain(this V1.CaseFilter? f) => f is null
        ? CaseFilter.None
        : new CaseFilter(
            f.Category.NullIfEmpty(),
            f.Intent.NullIfEmpty(),
            f.Language.NullIfEmpty(),
            f.Channel.ToDomain(),
            f.ResolvedAfter?.ToDateTimeOffset());

    public static CaseRecord ToDomain(this V1.ResolvedCase c, string tenant, string language) => new(
        tenant,
        c.CaseId,
        language,
        c.Channel.ToDomain(),
        c.Subject,
        c.Body,
        c.Reply,
        c.Category,
        c.Intent,
        c.Urgency,
        c.Outcome,
        c.ResolvedAt?.ToDateTimeOffset() ?? DateTimeOffset.UtcNow);

    public static V1.SimilarCase ToProto(this SimilarCase s)
    {
        var c = s.Case;
        var proto = new V1.SimilarCase
        {
            CaseId = c.CaseId,
            Score = s.Score,
            Similarity = s.Similarity,
            Subject = c.Subject,
            Body = c.Body,
            Reply = c.Reply,
            Category = c.Category,
            Intent = c.Intent,
            Language = c.Language,
            Outcome = c.Outcome,
            ResolvedAt = Timestamp.FromDateTimeOffset(c.ResolvedAt),
        };
        proto.MatchedTerms.AddRange(s.MatchedTerms);
        return proto;
    }

}
