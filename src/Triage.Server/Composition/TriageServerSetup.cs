using Microsoft.Extensions.Options;
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

    public static IServiceCollection AddTriageApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RequestValidator>();
        services.AddSingleton<ErrorInterceptor>();
        var maxMessage = configuration.GetSection(IntakeOptions.Section).Get<IntakeOptions>()?.MaxMessageBytes ?? new IntakeOptions().MaxMessageBytes;
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = maxMessage;
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
