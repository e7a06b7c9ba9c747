using Microsoft.Extensions.AI;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Embedding;

/// <summary>
/// The default, dependency-free embedder: hashed word and character n-grams (the signed hashing trick),
/// weighted by sublinear term frequency times IDF, in a fixed dimension, L2-normalized so a dot product
/// is the cosine. Works offline for Korean and English; a semantic model behind an OpenAI-compatible
/// endpoint can replace it by configuration.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimension = 512;
    private readonly IdfTable _idf;

    public HashingEmbedder(IdfTable idf, int dimension = DefaultDimension)
    {
        if (dimension < 16 || (dimension & (dimension - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), "dimension must be a power of two, at least 16");
        }

        _idf = idf;
        Dimension = dimension;
        Info = new EmbedderInfo($"hash-ngram-v1-d{dimension}-idf{idf.Fingerprint}", dimension);
        Metadata = new EmbeddingGeneratorMetadata("triage-local", defaultModelId: Info.Id, defaultModelDimensions: dimension);
    }

    public int Dimension { get; }

    /// <summary>Identifies the vector space: a different dimension or IDF table is a different embedder.</summary>
    public EmbedderInfo Info { get; }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public float[] Embed(string normalizedText)
    {
        var counts = new Dictionary<ulong, int>();
        TextFeatures.Extract(normalizedText, h => counts[h] = counts.GetValueOrDefault(h) + 1);
        var vector = new float[Dimension];
        var mask = (ulong)(Dimension - 1);
        foreach (var (hash, count) in counts)
        {
            var weight = (1f + MathF.Log(count)) * _idf[hash];
            // A second, independent bit of the hash picks the sign, so collisions cancel out on average.
            var sign = ((hash >> 40) & 1) == 0 ? 1f : -1f;
            vector[(int)((hash >> 20) & mask)] += sign * weight;
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(vector));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = Info.Id, CreatedAt = DateTimeOffset.UtcNow });
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
