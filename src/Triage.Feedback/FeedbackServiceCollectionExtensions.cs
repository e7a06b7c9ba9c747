using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Triage.Core.Feedback;
using Triage.Feedback.Sqlite;

namespace Triage.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Registers the SQLite feedback store as <see cref="IFeedbackStore"/> (a singleton that owns the file).
    /// Options are validated at start-up; the schema is migrated on first use.</summary>
    public static IServiceCollection AddSqliteFeedbackStore(this IServiceCollection services, Action<FeedbackStoreOptions> configure)
    {
        services.AddOptions<FeedbackStoreOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedbackStoreOptions>, FeedbackStoreOptionsValidator>();
        services.AddSingleton(sp => new SqliteFeedbackStore(sp.GetRequiredService<IOptions<FeedbackStoreOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqliteFeedbackStore>());
        return services;
    }
}
