using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Triage.Retrieval.Embedding.Remote;

public static class RemoteEmbeddingServiceCollectionExtensions
{
    /// <summary>Registers the remote embedder as <see cref="RemoteEmbeddingGenerator"/> and as the
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. Options are validated at start-up, so a missing model or
    /// dimension stops the host with a message naming the setting.</summary>
    public static IServiceCollection AddRemoteEmbeddingGenerator(this IServiceCollection services, Action<RemoteEmbeddingOptions> configure)
    {
        services.AddOptions<RemoteEmbeddingOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteEmbeddingOptions>, RemoteEmbeddingOptionsValidator>());
        services.AddSingleton(sp => RemoteEmbeddingFactory.Create(sp.GetRequiredService<IOptions<RemoteEmbeddingOptions>>().Value));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<RemoteEmbeddingGenerator>());
        return services;
    }
}
