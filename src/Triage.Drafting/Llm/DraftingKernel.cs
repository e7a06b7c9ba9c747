using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Triage.Drafting.Grounding;
using Triage.Drafting.Prompts;

namespace Triage.Drafting.Llm;

/// <summary>
/// The drafter's own Semantic Kernel: one chat service over the configured endpoint, the redaction filter on every
/// rendered prompt, and the draft-reply prompt. Kept out of the application's container so no other kernel user
/// inherits (or removes) the filter.
/// </summary>
internal sealed class DraftingKernel
{
    public DraftingKernel(LlmDrafterOptions options, ILoggerFactory? loggerFactory = null)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(
            new OpenAIChatCompletionService(options.Model, ChatClientFactory.Create(options), loggerFactory));
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        Kernel = builder.Build();
        Kernel.PromptRenderFilters.Add(new PromptRedactionFilter());
        Prompt = new DraftPrompt();
        Settings = new OpenAIPromptExecutionSettings { MaxTokens = options.MaxTokens, Temperature = options.Temperature };
    }

    public Kernel Kernel { get; }

    public DraftPrompt Prompt { get; }

    public PromptExecutionSettings Settings { get; }
}
