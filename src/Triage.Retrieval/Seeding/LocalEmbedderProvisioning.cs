using Triage.Core.Text;
using Triage.Retrieval.Embedding;

namespace Triage.Retrieval.Seeding;

/// <summary>
/// The local embedder's IDF table: loaded from the index's data directory, or on first start learned
/// from the seed corpus and saved there, so every later start (and every vector) uses the same table.
/// </summary>
public static class LocalEmbedderProvisioning
{
    public const string FileName = "idf.bin";

    public static async Task<IdfTable> LoadOrLearnAsync(string indexDirectory, string? seedDirectory, CancellationToken ct)
    {
        var path = Path.Combine(indexDirectory, FileName);
        if (File.Exists(path))
        {
            return await IdfTable.LoadAsync(path, ct);
        }

        var texts = seedDirectory is not null && Directory.Exists(seedDirectory)
            ? await SeedCorpus.ReadIdfTextsAsync(seedDirectory, ct)
            : [];
        var table = IdfTable.Learn(texts.Select(t => TextNormalizer.Instance.Normalize(t).Text));
        await table.SaveAsync(path, ct);
        return table;
    }
}
