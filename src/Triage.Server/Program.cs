using Triage.Server.Composition;
using Triage.Server.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTriageSecurity(builder.Configuration);
builder.Services.AddTriageModelServing(builder.Configuration);
builder.Services.AddTriageRetrieval(builder.Configuration);
builder.Services.AddTriageDrafting(builder.Configuration);
builder.Services.AddTriageFeedback(builder.Configuration);
builder.Services.AddTriageApi(builder.Configuration);

var app = builder.Build();
app.MapTriageApi();

if (app.Services.GetRequiredService<ApiKeyRegistry>().OpenToLoopback)
{
    app.Logger.LogWarning(
        "No API keys are configured ({Section}:ApiKeys): serving loopback callers only, as tenant '{Tenant}' with every role. Configure keys before exposing the service.",
        ApiKeyOptions.Section, ApiKeyRegistry.DefaultTenant);
}

await app.RunAsync();

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
