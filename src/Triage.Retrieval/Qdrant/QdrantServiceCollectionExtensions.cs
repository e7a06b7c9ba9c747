using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Core.Retrieval;

namespace Triage.Retrieval.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>Registers the Qdrant case index as <see cref="ICaseIndex"/>. Options are validated at start-up,
    /// so a wrong address or collection name stops the host with a message naming the setting.</summary>
    public static IServiceCollection AddQdrantCaseIndex(this IServiceCollection services, Action<QdrantOptions> configure)
    {
        services.AddOptions<QdrantOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddSingleton<QdrantCaseIndex>();
        services.AddSingleton<ICaseIndex>(sp => sp.GetRequiredService<QdrantCaseIndex>());
        return services;
    }
}
