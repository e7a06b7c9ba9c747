using System.CommandLine;
using Triage.Core.Security;

namespace Triage.Cli.Commands;

/// <summary><c>triage keys new</c>: a fresh API key and the configuration entry (its hash) for the service.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage API keys.");
        var id = new Option<string>("--id") { Description = "A name for the key.", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The tenant the key acts for.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "intake, agent or admin (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var create = new Command("new", "Print a new random key (give it to the caller) and the entry to add to Triage:Auth:ApiKeys (only its hash).")
        {
            id, tenant, roles,
        };
        create.SetAction(parse =>
        {
            var key = ApiKeyHash.NewKey();
            var hash = ApiKeyHash.Of(key);
            var roleList = string.Join(", ", parse.GetValue(roles)!.Select(r => $"\"{r}\""));
            Console.WriteLine($"key (shown once, store it in the caller's secret store): {key}");
            Console.WriteLine();
            Console.WriteLine("appsettings entry under Triage:Auth:ApiKeys:");
            Console.WriteLine($$"""  { "Id": "{{parse.GetValue(id)}}", "Sha256": "{{hash}}", "Tenant": "{{parse.GetValue(tenant)}}", "Roles": [{{roleList}}] }""");
            return 0;
        });
        keys.Subcommands.Add(create);
        return keys;
    }
}
