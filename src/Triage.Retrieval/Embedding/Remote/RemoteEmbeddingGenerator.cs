using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Embedding.Remote;

/// <summary>
/// An OpenAI-compatible endpoint made safe to put in front of the case index: requests are split into batches, every
/// vector is checked against the configured size and L2-normalized (the index compares by dot product, and not every
/// server normalizes), and failures arrive as <see cref="RemoteEmbeddingException"/>. Built by <see cref="RemoteEmbeddingFactory"/>.
/// </summary>
public sealed class RemoteEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly RemoteEmbeddingOptions _options;
    private readonly RemoteEmbeddingErrors _errors;

    internal RemoteEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, RemoteEmbeddingOptions options)
        : base(inner)
    {
        _options = options;
        _errors = new RemoteEmbeddingErrors(options);
        Info = RemoteEmbedderInfo.For(options);
        Metadata = new EmbeddingGeneratorMetadata("openai-compatible", options.Endpoint, Info.Id, options.Dimensions);
    }

    /// <summary>Identifies the vector space; the case index refuses vectors of another one.</summary>
    public EmbedderInfo Info { get; }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyList<string> ?? values.ToList();
        var request = RequestOptions(options);
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        for (var start = 0; start < inputs.Count; start += _options.MaxBatchSize)
        {
            var batch = inputs.Skip(start).Take(_options.MaxBatchSize).ToList();
            var answer = await CallAsync(batch, request, cancellationToken).ConfigureAwait(false);
            if (answer.Count != batch.Count)
            {
                throw _errors.Malformed($"returned {answer.Count} vectors for {batch.Count} inputs");
            }

            foreach (var embedding in answer)
            {
                result.Add(new Embedding<float>(Normalized(embedding.Vector.Span)) { ModelId = Info.Id, CreatedAt = embedding.CreatedAt });
            }

            Add(result, answer.Usage);
        }

        return result;
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata : base.GetService(serviceType, serviceKey);

    private async Task<GeneratedEmbeddings<Embedding<float>>> CallAsync(
        List<string> batch, EmbeddingGenerationOptions request, CancellationToken ct)
    {
        try
        {
            return await base.GenerateAsync(batch, request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (_errors.Translate(e, ct) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The configured size wins over whatever a caller passes: the index was created with it.</summary>
    private EmbeddingGenerationOptions RequestOptions(EmbeddingGenerationOptions? options)
    {
        var request = options?.Clone() ?? new EmbeddingGenerationOptions();
        request.Dimensions = _options.RequestDimensions ? _options.Dimensions : null;
        request.ModelId = null;
        return request;
    }

    private float[] Normalized(ReadOnlySpan<float> vector)
    {
        if (vector.Length != _options.Dimensions)
        {
            throw _errors.WrongDimension(vector.Length);
        }

        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (!float.IsFinite(norm))
        {
            throw _errors.Malformed("returned a vector with NaN or infinite values");
        }

        // An all-zero vector stays zero (similar to nothing), as the local embedder does for empty text.
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    private static void Add(GeneratedEmbeddings<Embedding<float>> total, UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        total.Usage ??= new UsageDetails();
        total.Usage.Add(usage);
    }
}
