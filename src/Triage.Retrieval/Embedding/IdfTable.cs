using System.Security.Cryptography;

namespace Triage.Retrieval.Embedding;

/// <summary>
/// Inverse document frequencies over hashed feature buckets, learned from the case corpus: a term
/// every ticket has (고객님, 주문, please) weighs little, a rare one (세금계산서, 새벽배송) much. Saved with
/// a content hash that becomes part of the embedder's id, so vectors from another table never mix.
/// </summary>
public sealed class IdfTable
{
    public const int Buckets = 1 << 18;
    private readonly float[] _idf;

    private IdfTable(float[] idf, int documents)
    {
        _idf = idf;
        Documents = documents;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(idf.AsSpan())))[..12];
    }

    public int Documents { get; }

    public string Fingerprint { get; }

    public float this[ulong featureHash] => _idf[(int)(featureHash & (Buckets - 1))];

    public static IdfTable Learn(IEnumerable<string> normalizedTexts)
    {
        var df = new int[Buckets];
        var documents = 0;
        var seen = new HashSet<int>();
        foreach (var text in normalizedTexts)
        {
            documents++;
            seen.Clear();
            TextFeatures.Extract(text, h => seen.Add((int)(h & (Buckets - 1))));
            foreach (var bucket in seen)
            {
                df[bucket]++;
            }
        }

        var idf = new float[Buckets];
        for (var i = 0; i < Buckets; i++)
        {
            // Smoothed, so unseen terms get the highest weight rather than infinity.
            idf[i] = (float)(Math.Log((1.0 + documents) / (1.0 + df[i])) + 1.0);
        }

        return new IdfTable(idf, documents);
    }

    public async Task SaveAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            var header = new byte[8];
            BitConverter.TryWriteBytes(header.AsSpan(0, 4), Buckets);
            BitConverter.TryWriteBytes(header.AsSpan(4, 4), Documents);
            await stream.WriteAsync(header, ct);
            await stream.WriteAsync(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_idf.AsSpan()).ToArray(), ct);
            await stream.FlushAsync(ct);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static async Task<IdfTable> LoadAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (bytes.Length != 8 + (Buckets * sizeof(float)) || BitConverter.ToInt32(bytes, 0) != Buckets)
        {
            throw new InvalidDataException($"{path} is not an IDF table of {Buckets} buckets.");
        }

        var idf = new float[Buckets];
        Buffer.BlockCopy(bytes, 8, idf, 0, Buckets * sizeof(float));
        return new IdfTable(idf, BitConverter.ToInt32(bytes, 4));
    }
}
