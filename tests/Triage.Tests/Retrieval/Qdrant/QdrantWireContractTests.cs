using Google.Protobuf.Reflection;
using ProtoType = Google.Protobuf.Reflection.FieldType;
using Triage.Retrieval.Qdrant.Wire;
using QdrantService = Triage.Retrieval.Qdrant.Wire.Qdrant;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>
/// Pins our proto subset to Qdrant's wire (QDRANT-WIRE.md, checked against Qdrant's own .proto files). A
/// renumbered field would still compile and still pass against the fake, which shares the subset, while a
/// real server silently ignored it; only a table kept apart from the .proto catches that.
/// </summary>
public sealed class QdrantWireContractTests
{
    public static TheoryData<string, string, int, ProtoType> Fields => new()
    {
        { "CreateCollection", "collection_name", 1, ProtoType.String },
        { "CreateCollection", "vectors_config", 10, ProtoType.Message },
        { "CreateCollection", "replication_factor", 11, ProtoType.UInt32 },
        { "CreateCollection", "write_consistency_factor", 12, ProtoType.UInt32 },
        { "VectorsConfig", "params", 1, ProtoType.Message },
        { "VectorsConfig", "params_map", 2, ProtoType.Message },
        { "VectorParams", "size", 1, ProtoType.UInt64 },
        { "VectorParams", "distance", 2, ProtoType.Enum },
        { "CollectionOperationResponse", "result", 1, ProtoType.Bool },
        { "GetCollectionInfoRequest", "collection_name", 1, ProtoType.String },
        { "GetCollectionInfoResponse", "result", 1, ProtoType.Message },
        { "CollectionInfo", "config", 7, ProtoType.Message },
        { "CollectionInfo", "payload_schema", 8, ProtoType.Message },
        { "CollectionInfo", "points_count", 9, ProtoType.UInt64 },
        { "CollectionConfig", "params", 1, ProtoType.Message },
        { "CollectionParams", "vectors_config", 5, ProtoType.Message },
        { "PayloadSchemaInfo", "data_type", 1, ProtoType.Enum },
        { "PayloadIndexParams", "keyword_index_params", 3, ProtoType.Message },
        { "KeywordIndexParams", "is_tenant", 3, ProtoType.Bool },
        { "KeywordIndexParams", "on_disk", 4, ProtoType.Bool },
        { "CreateFieldIndexCollection", "collection_name", 1, ProtoType.String },
        { "CreateFieldIndexCollection", "wait", 2, ProtoType.Bool },
        { "CreateFieldIndexCollection", "field_name", 3, ProtoType.String },
        { "CreateFieldIndexCollection", "field_type", 4, ProtoType.Enum },
        { "CreateFieldIndexCollection", "field_index_params", 5, ProtoType.Message },
        { "UpsertPoints", "collection_name", 1, ProtoType.String },
        { "UpsertPoints", "wait", 2, ProtoType.Bool },
        { "UpsertPoints", "points", 3, ProtoType.Message },
        { "UpsertPoints", "timeout", 7, ProtoType.UInt64 },
        { "PointStruct", "id", 1, ProtoType.Message },
        { "PointStruct", "payload", 3, ProtoType.Message },
        { "PointStruct", "vectors", 4, ProtoType.Message },
        { "PointId", "num", 1, ProtoType.UInt64 },
        { "PointId", "uuid", 2, ProtoType.String },
        { "Vectors", "vector", 1, ProtoType.Message },
        { "Vector", "data", 1, ProtoType.Float },
        { "Vector", "dense", 101, ProtoType.Message },
        { "DenseVector", "data", 1, ProtoType.Float },
        { "DeletePoints", "collection_name", 1, ProtoType.String },
        { "DeletePoints", "wait", 2, ProtoType.Bool },
        { "DeletePoints", "points", 3, ProtoType.Message },
        { "PointsSelector", "points", 1, ProtoType.Message },
        { "PointsSelector", "filter", 2, ProtoType.Message },
        { "PointsIdsList", "ids", 1, ProtoType.Message },
        { "GetPoints", "collection_name", 1, ProtoType.String },
        { "GetPoints", "ids", 2, ProtoType.Message },
        { "GetPoints", "with_payload", 4, ProtoType.Message },
        { "GetPoints", "with_vectors", 5, ProtoType.Message },
        { "GetResponse", "result", 1, ProtoType.Message },
        { "RetrievedPoint", "id", 1, ProtoType.Message },
        { "RetrievedPoint", "payload", 2, ProtoType.Message },
        { "QueryPoints", "collection_name", 1, ProtoType.String },
        { "QueryPoints", "query", 3, ProtoType.Message },
        { "QueryPoints", "filter", 5, ProtoType.Message },
        { "QueryPoints", "score_threshold", 7, ProtoType.Float },
        { "QueryPoints", "limit", 8, ProtoType.UInt64 },
        { "QueryPoints", "with_payload", 11, ProtoType.Message },
        { "QueryPoints", "timeout", 15, ProtoType.UInt64 },
        { "Query", "nearest", 1, ProtoType.Message },
        { "VectorInput", "id", 1, ProtoType.Message },
        { "VectorInput", "dense", 2, ProtoType.Message },
        { "WithPayloadSelector", "enable", 1, ProtoType.Bool },
        { "WithVectorsSelector", "enable", 1, ProtoType.Bool },
        { "QueryResponse", "result", 1, ProtoType.Message },
        { "ScoredPoint", "id", 1, ProtoType.Message },
        { "ScoredPoint", "payload", 2, ProtoType.Message },
        { "ScoredPoint", "score", 3, ProtoType.Float },
        { "ScoredPoint", "version", 5, ProtoType.UInt64 },
        { "CountPoints", "collection_name", 1, ProtoType.String },
        { "CountPoints", "filter", 2, ProtoType.Message },
        { "CountPoints", "exact", 3, ProtoType.Bool },
        { "CountResponse", "result", 1, ProtoType.Message },
        { "CountResult", "count", 1, ProtoType.UInt64 },
        { "PointsOperationResponse", "result", 1, ProtoType.Message },
        { "UpdateResult", "operation_id", 1, ProtoType.UInt64 },
        { "UpdateResult", "status", 2, ProtoType.Enum },
        { "Filter", "should", 1, ProtoType.Message },
        { "Filter", "must", 2, ProtoType.Message },
        { "Filter", "must_not", 3, ProtoType.Message },
        { "Condition", "field", 1, ProtoType.Message },
        { "Condition", "has_id", 3, ProtoType.Message },
        { "Condition", "filter", 4, ProtoType.Message },
        { "FieldCondition", "key", 1, ProtoType.String },
        { "FieldCondition", "match", 2, ProtoType.Message },
        { "FieldCondition", "range", 3, ProtoType.Message },
        { "Match", "keyword", 1, ProtoType.String },
        { "Match", "integer", 2, ProtoType.Int64 },
        { "Match", "boolean", 3, ProtoType.Bool },
        { "Match", "keywords", 5, ProtoType.Message },
        { "Match", "integers", 6, ProtoType.Message },
        { "Match", "except_integers", 7, ProtoType.Message },
        { "Match", "except_keywords", 8, ProtoType.Message },
        { "RepeatedStrings", "strings", 1, ProtoType.String },
        { "Range", "lt", 1, ProtoType.Double },
        { "Range", "gt", 2, ProtoType.Double },
        { "Range", "gte", 3, ProtoType.Double },
        { "Range", "lte", 4, ProtoType.Double },
        { "Value", "null_value", 1, ProtoType.Enum },
        { "Value", "double_value", 2, ProtoType.Double },
        { "Value", "integer_value", 3, ProtoType.Int64 },
        { "Value", "string_value", 4, ProtoType.String },
        { "Value", "bool_value", 5, ProtoType.Bool },
        { "Value", "struct_value", 6, ProtoType.Message },
        { "Value", "list_value", 7, ProtoType.Message },
        { "Struct", "fields", 1, ProtoType.Message },
        { "ListValue", "values", 1, ProtoType.Message },
        { "HealthCheckReply", "version", 2, ProtoType.String },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Field_numbers_and_types_match_Qdrant(string message, string field, int number, ProtoType type)
    {
        var descriptor = Messages.Single(m => m.Name == message).FindFieldByName(field);
        Assert.NotNull(descriptor);
        Assert.Equal((number, type), (descriptor.FieldNumber, descriptor.FieldType));
    }

    [Fact]
    public void Vector_data_is_packed()
    {
        var data = Vector.Descriptor.FindFieldByName("data");
        Assert.True(data.IsPacked);
    }

    [Fact]
    public void Enum_values_match_Qdrant()
    {
        Assert.Equal([0, 1, 2, 3, 4], new[] { Distance.UnknownDistance, Distance.Cosine, Distance.Euclid, Distance.Dot, Distance.Manhattan }.Select(d => (int)d));
        Assert.Equal((0, 2), ((int)Triage.Retrieval.Qdrant.Wire.FieldType.Keyword, (int)Triage.Retrieval.Qdrant.Wire.FieldType.Float));
        Assert.Equal((1, 3), ((int)PayloadSchemaType.Keyword, (int)PayloadSchemaType.Float));
        Assert.Equal((2, 4), ((int)UpdateStatus.Completed, (int)UpdateStatus.WaitTimeout));
    }

    [Fact]
    public void Services_and_methods_have_Qdrant_names()
    {
        Assert.Equal("qdrant.Collections", Collections.Descriptor.FullName);
        Assert.Equal("qdrant.Points", Points.Descriptor.FullName);
        Assert.Equal("qdrant.Qdrant", QdrantService.Descriptor.FullName);
        Assert.Equal(["Get", "Create", "Delete"], Collections.Descriptor.Methods.Select(m => m.Name));
        Assert.Equal(["Upsert", "Delete", "Get", "CreateFieldIndex", "Count", "Query"], Points.Descriptor.Methods.Select(m => m.Name));
        Assert.Equal(("UpsertPoints", "PointsOperationResponse"),
            (Points.Descriptor.FindMethodByName("Upsert").InputType.Name, Points.Descriptor.FindMethodByName("Upsert").OutputType.Name));
    }

    private static IEnumerable<MessageDescriptor> Messages =>
        new[] { CollectionsReflection.Descriptor, PointsReflection.Descriptor, JsonWithIntReflection.Descriptor, QdrantReflection.Descriptor }
            .SelectMany(f => f.MessageTypes);
}
