using Grpc.Core;
using Grpc.Health.V1;
using Triage.Api.V1;
using Triage.Tests.Api;

namespace Triage.Tests.Serving;

/// <summary>The serving model through the API: readiness, info, reload, hot swap, and refusal of bad bundles.</summary>
public sealed class ModelServingTests : IDisposable
{
    private readonly TriageHost _host = new();

    public void Dispose() => _host.Dispose();

    private TriageService.TriageServiceClient Intake => _host.Client(TestKeys.AcmeIntake);

    private TriageService.TriageServiceClient Admin => _host.Client(TestKeys.AcmeAdmin);

    private async Task<string> ServingVersion() => (await Intake.ClassifyTicketAsync(Tickets.Classify())).ModelVersion;

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("condition not reached within 10 s");
    }

    [Fact]
    public async Task Without_a_model_readiness_says_not_serving_and_classification_is_unavailable()
    {
        var health = new Health.HealthClient(_host.Channel());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        await RpcAssert.Fails(StatusCode.Unavailable, () => Intake.ClassifyTicketAsync(Tickets.Classify()).ResponseAsync);

        // The whole-intake call still answers, with the missing part flagged.
        var triage = await Intake.TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid() });
        Assert.Null(triage.Classification);
        Assert.Contains(triage.Degradations, d => d.Component == Component.Classifier);

        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1");
        await Eventually(async () => (await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task A_promoted_bundle_is_picked_up_without_a_restart()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1");
        _ = _host.Server;
        await Eventually(async () => (await Admin.ReloadModelAsync(new ReloadModelRequest())).Model.Version == "fake-1");

        // Written to a temporary name and renamed into place, as `triage train` promotes.
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-2");
        await Eventually(async () => await ServingVersion() == "fake-2");
        var info = await Intake.GetModelInfoAsync(new GetModelInfoRequest());
        Assert.Equal("fake-2", info.Version);
        Assert.Equal(_host.ModelPath, info.Source);
        Assert.Equal("category", Assert.Single(info.Heads).Head);
    }

    [Fact]
    public async Task A_corrupt_bundle_is_refused_and_the_old_model_keeps_serving()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1");
        Assert.Equal("fake-1", await ServingVersion());

        await File.WriteAllTextAsync(_host.ModelPath, "{ this is not a bundle");
        var ex = await RpcAssert.Fails(StatusCode.FailedPrecondition, () => Admin.ReloadModelAsync(new ReloadModelRequest()).ResponseAsync);
        Assert.Contains("refused", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("fake-1", await ServingVersion());
    }

    [Fact]
    public async Task Reload_is_for_admins_and_reports_whether_anything_changed()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1");
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => Intake.ReloadModelAsync(new ReloadModelRequest()).ResponseAsync);
        var again = await Admin.ReloadModelAsync(new ReloadModelRequest());
        Assert.False(again.Changed);
        Assert.Equal("fake-1", again.Model.Version);
    }

    [Fact]
    public async Task A_hot_swap_under_load_loses_no_request_and_each_answer_names_one_version()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1", category: "refund");
        Assert.Equal("fake-1", await ServingVersion());

        var client = Intake;
        using var stop = new CancellationTokenSource();
        var answers = new System.Collections.Concurrent.ConcurrentBag<ClassifyTicketResponse>();
        var load = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                answers.Add(await client.ClassifyTicketAsync(Tickets.Classify()));
            }
        }).ToList();

        await Task.Delay(200);
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-2", category: "order");
        await Eventually(async () => await ServingVersion() == "fake-2");
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Contains(answers, a => a.ModelVersion == "fake-1");
        Assert.Contains(answers, a => a.ModelVersion == "fake-2");
        // Each fake version predicts its own category: a mixed answer would pair a version with the other's label.
        Assert.All(answers, a => Assert.Equal(a.ModelVersion == "fake-1" ? "refund" : "order", a.Classification.Category.Label));
    }

    [Fact]
    public async Task Classification_carries_confidence_top_labels_evidence_and_the_sla_target()
    {
        await FakeBundleLoader.WriteAsync(_host.ModelPath, "fake-1", confidence: 0.3);
        var answer = await Intake.ClassifyTicketAsync(Tickets.Classify());
        Assert.Equal("ko", answer.Language);
        var urgency = answer.Classification.Urgency;
        Assert.Equal("urgent", urgency.Label);
        Assert.True(urgency.NeedsHumanTriage);
        Assert.True(answer.Classification.NeedsHumanTriage);
        Assert.Equal(2, urgency.Top.Count);
        Assert.NotEmpty(urgency.Evidence);
        Assert.Equal(TimeSpan.FromHours(1), answer.Classification.FirstResponseTarget.ToTimeSpan());
    }
}
