using System.IO.Compression;
using System.Text;
using Microsoft.ML;
using Triage.Classifier.Data;
using Triage.Classifier.Inference;

namespace Triage.Classifier.Bundle;

/// <summary>
/// Writes a bundle: one zip with the featurizer, the heads, the evidence models and the model card. The
/// zip is written to a temporary file beside the target and renamed over it, so a reader (the server's
/// file watcher) never sees half a bundle.
/// </summary>
internal static class BundleWriter
{
    public static async Task WriteAsync(MLContext ml, ModelParts parts, ModelCard card, string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: false);
                await AddModelAsync(zip, card.FeaturesFile, ml, parts.Features, parts.InputSchema, ct);
                // Only the featurizer's input schema is read back (it is the bundle's input); the others would only repeat slot names.
                await AddModelAsync(zip, card.AssemblyFile, ml, parts.Assembly, null, ct);
                foreach (var head in HeadNames.All)
                {
                    var headCard = card.Heads[head];
                    await AddModelAsync(zip, headCard.ModelFile, ml, parts.Heads[head], null, ct);
                    if (headCard.EvidenceFile != headCard.ModelFile)
                    {
                        await AddModelAsync(zip, headCard.EvidenceFile, ml, parts.Evidence[head], null, ct);
                    }
                }

                var entry = zip.CreateEntry(BundleLayout.CardFile, CompressionLevel.Optimal);
                await using var cardStream = await entry.OpenAsync(ct);
                await cardStream.WriteAsync(Encoding.UTF8.GetBytes(CardJson.Serialize(card)), ct);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static async Task AddModelAsync(ZipArchive zip, string name, MLContext ml, ITransformer model, DataViewSchema? schema, CancellationToken ct)
    {
        // An ML.NET model is itself a zip: stored, not compressed twice.
        using var buffer = new MemoryStream();
        ml.Model.Save(model, schema, buffer);
        buffer.Position = 0;
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        await using var stream = await entry.OpenAsync(ct);
        await buffer.CopyToAsync(stream, ct);
    }
}
