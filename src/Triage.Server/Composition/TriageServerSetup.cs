using Microsoft.Extensions.Options;
using Triage.Classifier.Bundle;
using Triage.Core.Classification;
using Triage.Core.Drafting;
using Triage.Drafting.Composer;
using Triage.Drafting.Llm;
using Triage.Core.Health;
using Triage.Core.Retrieval;
using Triage.Retrieval.Embedded;
using Triage.Retrieval.Embedding.Remote;
using Triage.Retrieval.Qdrant;
using Triage.Retrieval.Search;
using Triage.Server.Model;
using Triage.Server.Retrieval;
using Triage.Feedback;
using Triage.Server.Grpc;
using Triage.Server.Health;
using Triage.Server.Security;
using Triage.Server.Validation;

namespace Triage.Server.Composition;

/// <summary>The host's own services: gRPC with its interceptors, security, validation, health, reflection.</summary>
public static class TriageServerSetup
{
    public static IServiceCollection AddTriageSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<KeyRateLimiter>();
        services.AddSingleton<AuthInterceptor>();
        return services;
    }

    /// <summary>The serving model: options, the holder (also a readiness probe) and the watcher that hot-swaps it.</summary>
    public static IServiceCollection AddTriageModelServing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section));
        services.AddSingleton<IModelBundleLoader, ModelBundleLoader>();
        services.AddSingleton<ModelHolder>();
        services.AddSingleton<IModelSource>(sp => sp.GetRequiredService<ModelHolder>());
        services.AddSingleton<IReadinessProbe>(sp => sp.GetRequiredService<ModelHolder>());
        services.AddHostedService<ModelWatcher>();
        return services;
    }

    /// <summary>
    /// Similar-case retrieval: the embedded index by default, Qdrant with <c>Triage:Index:Provider=Qdrant</c>
    /// (settings under <c>Triage:Index:Qdrant</c>); the local embedder by default, an OpenAI-compatible
    /// endpoint with <c>Triage:Embedding:Provider=Remote</c> (settings under <c>Triage:Embedding:Remote</c>).
    /// Brought up, checked and seeded before serving.
    /// </summary>
    public static IServiceCollection AddTriageRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddedIndexOptions>().Bind(configuration.GetSection(EmbeddedIndexOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IHostEnvironment>((o, env) => o.DataDirectory = Path.GetFullPath(o.DataDirectory, env.ContentRootPath));
        // Which index and which embedder are read when first resolved, not here: configuration added
        // after start-up code runs (test hosts, environment overlays) must still decide.
        services.AddOptions<RetrievalSelectionOptions>().Bind(configuration.GetSection(RetrievalSelectionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection("Triage:Index:Qdrant"));
        services.AddOptions<RemoteEmbeddingOptions>().Bind(configuration.GetSection("Triage:Embedding:Remote"));
        services.AddSingleton<EmbeddedCaseIndex>();
        services.AddSingleton<QdrantCaseIndex>();
        services.AddSingleton<ICaseIndex>(sp => sp.GetRequiredService<IOptions<RetrievalSelectionOptions>>().Value.IndexProvider == IndexProvider.Qdrant
            ? sp.GetRequiredService<QdrantCaseIndex>()
            : sp.GetRequiredService<EmbeddedCaseIndex>());
        services.AddSingleton<RetrievalRuntime>();
        services.AddSingleton<IReadinessProbe>(sp => sp.GetRequiredService<RetrievalRuntime>());
        services.AddHostedService<RetrievalStartup>();
        return services;
    }

    /// <summary>The feedback loop's store (SQLite by default) and the decision log written from every call.</summary>
    public static IServiceCollection AddTriageFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSqliteFeedbackStore(o => configuration.GetSection("Triage:Feedback").Bind(o));
        services.AddOptions<FeedbackStoreOptions>().PostConfigure<IHostEnvironment>((o, env) => o.Path = Path.GetFullPath(o.Path, env.ContentRootPath));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DecisionLog>();
        return services;
    }

    /// <summary>
    /// Reply drafting: the offline retrieval composer by default; with <c>Triage:Drafting:Provider=Llm</c>
    /// an OpenAI-compatible chat endpoint (<c>Triage:Drafting:Llm</c>) that falls back to the composer.
    /// The choice is read when the drafter is first resolved (at start-up, by <see cref="DraftingStartupCheck"/>).
    /// </summary>
    public static IServiceCollection AddTriageDrafting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DraftingSelectionOptions>().Bind(configuration.GetSection(DraftingSelectionOptions.Section));
        services.AddOptions<LlmDrafterOptions>().Bind(configuration.GetSection(LlmDrafterOptions.Section));
        services.AddSingleton<IValidateOptions<LlmDrafterOptions>, LlmDrafterOptionsValidator>();
        services.AddSingleton<RetrievalComposer>();
        services.AddSingleton<IReplyDrafter>(sp => sp.GetRequiredService<IOptions<DraftingSelectionOptions>>().Value.Provider == DraftingProvider.Llm
            ? new LlmDrafter(sp.GetRequiredService<IOptions<LlmDrafterOptions>>().Value, sp.GetRequiredService<RetrievalComposer>(), sp.GetService<ILoggerFactory>())
            : sp.GetRequiredService<RetrievalComposer>());
        services.AddHostedService<DraftingStartupCheck>();
        return services;
    }

    public static IServiceCollection AddTriageApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RequestValidator>();
        services.AddSingleton<ErrorInterceptor>();
        services.AddOptions<global::Grpc.AspNetCore.Server.GrpcServiceOptions>()
            .Configure<IOptions<IntakeOptions>>((grpc, intake) => grpc.MaxReceiveMessageSize = intake.Value.MaxMessageBytes);
        services.AddGrpc(options =>
        {
            // Order matters: errors outermost so an auth failure is never mistaken for a crash.
            options.Interceptors.Add<ErrorInterceptor>();
            options.Interceptors.Add<AuthInterceptor>();
        }).AddJsonTranscoding(options =>
        {
            // Error details (google.rpc.BadRequest) travel as Any; JSON needs their descriptors to render them.
            options.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.BadRequest.Descriptor);
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<ReadinessHealthCheck>("readiness");
        return services;
    }

    public static WebApplication MapTriageApi(this WebApplication app)
    {
        app.MapGrpcService<TriageApiService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
