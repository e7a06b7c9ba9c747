using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;

namespace Triage.Drafting.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LlmDrafter"/> as itself and as the <see cref="IReplyDrafter"/>, with the
    /// <see cref="RetrievalComposer"/> it falls back to. Options are validated at start-up, so a missing endpoint or
    /// model stops the host with a message naming the setting (section <see cref="LlmDrafterOptions.Section"/>).
    /// </summary>
    public static IServiceCollection AddLlmDrafter(this IServiceCollection services, Action<LlmDrafterOptions> configure)
    {
        services.AddOptions<LlmDrafterOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmDrafterOptions>, LlmDrafterOptionsValidator>());
        services.TryAddSingleton<RetrievalComposer>();
        services.AddSingleton(sp => new LlmDrafter(
            sp.GetRequiredService<IOptions<LlmDrafterOptions>>().Value,
            sp.GetRequiredService<RetrievalComposer>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IReplyDrafter>(sp => sp.GetRequiredService<LlmDrafter>());
        return services;
    }
}
