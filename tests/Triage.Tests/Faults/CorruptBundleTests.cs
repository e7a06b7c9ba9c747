using System.IO.Compression;
using Grpc.Core;
using Triage.Api.V1;
using Triage.Tests.Api;
using Triage.Tests.Processes;

namespace Triage.Tests.Faults;

/// <summary>Corrupt bundles promoted (renamed into place, as `triage train` promotes) under the real server process.</summary>
public sealed class CorruptBundleTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("triage-faults-bundle-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_corrupt_bundle_promoted_over_the_serving_one_is_refused_and_the_old_version_keeps_serving()
    {
        var active = Path.Combine(_data, "active", "model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(active)!);
        File.Copy(FaultKit.ShippedModel, active);
        await using var server = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Triage:Model:ActivePath"] = active,
            ["Triage:Model:PollInterval"] = "00:00:01",
        });
        var client = server.Client();
        var serving = (await client.GetModelInfoAsync(new GetModelInfoRequest())).Version;

        foreach (var (what, write) in Corruptions())
        {
            var staged = active + ".staged";
            write(staged);
            File.Move(staged, active, overwrite: true);

            // The watcher sees the rename; an explicit reload waits for its verdict and says it.
            var refused = await Assert.ThrowsAsync<RpcException>(() => client.ReloadModelAsync(new ReloadModelRequest()).ResponseAsync);
            Assert.True(refused.StatusCode == StatusCode.FailedPrecondition, $"{what}: {refused.Status}");
            Assert.Contains("refused", refused.Status.Detail, StringComparison.Ordinal);

            Assert.Equal(serving, (await client.GetModelInfoAsync(new GetModelInfoRequest())).Version);
            var classified = await client.ClassifyTicketAsync(Tickets.Classify());
            Assert.Equal(serving, classified.ModelVersion);
            server.AssertAlive();
        }

        // Two poll intervals more: the watcher keeps refusing quietly, and nothing else gives way.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        server.AssertAlive();
        Assert.Equal(serving, (await client.TriageTicketAsync(new TriageTicketRequest { Ticket = Tickets.Valid() })).ModelVersion);

        // A good bundle promoted afterwards is picked up again.
        File.Copy(FaultKit.ShippedModel, active + ".staged", overwrite: true);
        File.Move(active + ".staged", active, overwrite: true);
        var reloaded = await client.ReloadModelAsync(new ReloadModelRequest());
        Assert.Equal(serving, reloaded.Model.Version);
        Assert.Equal(active, reloaded.Model.Source);
    }

    /// <summary>Garbage, a torn copy of the real bundle, and a real bundle with one model entry overwritten.</summary>
    private static IEnumerable<(string What, Action<string> Write)> Corruptions()
    {
        yield return ("garbage", path => File.WriteAllBytes(path, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31))]));
        yield return ("truncated", path =>
        {
            var bytes = File.ReadAllBytes(FaultKit.ShippedModel);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        });
        yield return ("bad entry", path =>
        {
            File.Copy(FaultKit.ShippedModel, path, overwrite: true);
            using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
            zip.GetEntry("heads/intent.mlnet")!.Delete();
            using var stream = zip.CreateEntry("heads/intent.mlnet").Open();
            stream.Write([.. Enumerable.Range(0, 4096).Select(i => (byte)i)]);
        });
        yield return ("empty", path => File.WriteAllBytes(path, []));
    }
}
