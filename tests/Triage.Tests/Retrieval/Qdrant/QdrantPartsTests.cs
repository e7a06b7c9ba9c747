using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;
using Triage.Core.Tickets;
using Triage.Retrieval.Qdrant;
using Triage.Retrieval.Qdrant.Wire;

namespace Triage.Tests.Retrieval.Qdrant;

/// <summary>The pieces of the Qdrant index that need no server.</summary>
public sealed class QdrantPartsTests
{
    [Fact]
    public void Name_based_uuids_follow_RFC_4122_version_5()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", NameBasedUuid.Create(dns, "python.org").ToString());
    }

    [Fact]
    public void Point_ids_are_stable_per_tenant_and_case_and_never_collide_across_the_separator()
    {
        Assert.Equal(CasePointIds.For("acme", "T-1"), CasePointIds.For("acme", "T-1"));
        Assert.NotEqual(CasePointIds.For("acme", "T-1"), CasePointIds.For("globex", "T-1"));
        Assert.NotEqual(CasePointIds.For("a:b", "c"), CasePointIds.For("a", "b:c"));
        Assert.NotEqual(CasePointIds.Marker, CasePointIds.For("marker", "embedder"));
    }

    [Fact]
    public void A_case_survives_the_payload_round_trip()
    {
        var original = new CaseRecord("acme", "T-9", "en", Channel.WebForm, "Subject", "Body", "Reply", "billing", "double_charge", "high", "refunded",
            new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(9)));
        var point = new PointStruct();
        CasePayload.Write(original, point.Payload);

        Assert.Equal(original, CasePayload.Read(point.Payload));
        point.Payload.Remove("channel");
        Assert.Null(CasePayload.Read(point.Payload)!.Channel);
        Assert.Null(CasePayload.Read(new PointStruct { Payload = { ["triage_marker"] = new Value { StringValue = "embedder" } } }.Payload));
    }

    [Theory]
    [InlineData("1.12.4", "1.12.4")]
    [InlineData("v1.10.0-dev", "1.10.0")]
    [InlineData("1.9", "1.9")]
    [InlineData("nightly", null)]
    [InlineData("", null)]
    public void Server_versions_are_read_from_the_health_check(string reported, string? expected) =>
        Assert.Equal(expected, QdrantServerVersion.Parse(reported)?.ToString());

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.True(new QdrantOptionsValidator().Validate(null, new QdrantOptions()).Succeeded);
        Assert.Equal((5, 256), ((int)new QdrantOptions().Deadline.TotalSeconds, new QdrantOptions().UpsertBatchSize));
    }

    [Theory]
    [InlineData("Qdrant:Address")]
    [InlineData("Qdrant:Collection")]
    [InlineData("Qdrant:Deadline")]
    [InlineData("Qdrant:UpsertBatchSize")]
    [InlineData("Qdrant:MaxRetries")]
    [InlineData("Qdrant:ApiKey")]
    [InlineData("Qdrant:WriteConsistencyFactor")]
    public void Each_misconfiguration_names_the_setting_to_fix(string setting)
    {
        var options = new QdrantOptions();
        Action<QdrantOptions> breakIt = setting switch
        {
            "Qdrant:Address" => o => o.Address = new Uri("ftp://qdrant:6334"),
            "Qdrant:Collection" => o => o.Collection = "cases/2026",
            "Qdrant:Deadline" => o => o.Deadline = TimeSpan.Zero,
            "Qdrant:UpsertBatchSize" => o => o.UpsertBatchSize = 0,
            "Qdrant:MaxRetries" => o => o.MaxRetries = -1,
            "Qdrant:ApiKey" => o => o.ApiKey = " ",
            _ => o => o.WriteConsistencyFactor = 3,
        };
        breakIt(options);

        var result = new QdrantOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_refuses_invalid_options_when_the_index_is_built()
    {
        using var services = new ServiceCollection().AddQdrantCaseIndex(o => o.Deadline = TimeSpan.FromMinutes(-1)).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ICaseIndex>());
        Assert.Contains("Qdrant:Deadline", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_refuses_work_before_it_is_ready()
    {
        await using var index = new QdrantCaseIndex(Options.Create(new QdrantOptions()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.CountAsync("acme", CancellationToken.None));
    }
}
