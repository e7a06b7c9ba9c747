using Google.Protobuf.Collections;
using Grpc.Core;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant.Fake;

/// <summary>Qdrant's filter semantics over stored payloads: must (all), should (at least one when any are given),
/// must_not (none); a field condition on an array matches when any element does; a missing field matches nothing.</summary>
internal static class FakeFilter
{
    public static bool Matches(Filter? filter, FakePoint point) =>
        filter is null
        || (filter.Must.All(c => Matches(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, point)))
            && !filter.MustNot.Any(c => Matches(c, point)));

    private static bool Matches(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point.Payload),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => FakePoint.Identify(id).Key == FakePoint.Identify(point.Id).Key),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        _ => throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: empty condition"),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        if (field.Match is null && field.Range is null)
        {
            throw FakePoint.Fail(StatusCode.InvalidArgument, $"Wrong input: condition on '{field.Key}' has neither match nor range");
        }

        if (!payload.TryGetValue(field.Key, out var value))
        {
            return false;
        }

        var values = value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values.ToList() : [value];
        return values.Any(v => (field.Match is null || Matches(field.Match, v)) && (field.Range is null || InRange(field.Range, v)));
    }

    private static bool Matches(Match match, Value v) => match.MatchValueCase switch
    {
        Match.MatchValueOneofCase.Keyword => IsString(v) && v.StringValue == match.Keyword,
        Match.MatchValueOneofCase.Integer => IsInteger(v) && v.IntegerValue == match.Integer,
        Match.MatchValueOneofCase.Boolean => v.KindCase == Value.KindOneofCase.BoolValue && v.BoolValue == match.Boolean,
        Match.MatchValueOneofCase.Keywords => IsString(v) && match.Keywords.Strings.Contains(v.StringValue),
        Match.MatchValueOneofCase.Integers => IsInteger(v) && match.Integers.Integers.Contains(v.IntegerValue),
        Match.MatchValueOneofCase.ExceptKeywords => IsString(v) && !match.ExceptKeywords.Strings.Contains(v.StringValue),
        Match.MatchValueOneofCase.ExceptIntegers => IsInteger(v) && !match.ExceptIntegers.Integers.Contains(v.IntegerValue),
        _ => throw FakePoint.Fail(StatusCode.InvalidArgument, "Wrong input: empty match"),
    };

    private static bool InRange(Triage.Retrieval.Qdrant.Wire.Range range, Value v)
    {
        double x;
        if (v.KindCase == Value.KindOneofCase.DoubleValue)
        {
            x = v.DoubleValue;
        }
        else if (IsInteger(v))
        {
            x = v.IntegerValue;
        }
        else
        {
            return false;
        }

        return (!range.HasLt || x < range.Lt) && (!range.HasGt || x > range.Gt) && (!range.HasLte || x <= range.Lte) && (!range.HasGte || x >= range.Gte);
    }

    private static bool IsString(Value v) => v.KindCase == Value.KindOneofCase.StringValue;

    private static bool IsInteger(Value v) => v.KindCase == Value.KindOneofCase.IntegerValue;
}
