using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Triage.Server.Security;

/// <summary>Refuses to start on a key table that would let the wrong caller in, with a message that says what to fix.</summary>
internal sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex TenantName();

    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var where = $"{ApiKeyOptions.Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                errors.Add($"{where}:Id is required (a name for the key, not the key).");
            }
            else if (!ids.Add(key.Id))
            {
                errors.Add($"{where}:Id '{key.Id}' is used twice.");
            }

            if (!Sha256Hex().IsMatch(key.Sha256))
            {
                errors.Add($"{where}:Sha256 must be the key's SHA-256 as 64 lower-case hex digits (run `triage keys new`).");
            }
            else if (!hashes.Add(key.Sha256))
            {
                errors.Add($"{where}:Sha256 repeats another key's hash.");
            }

            if (!TenantName().IsMatch(key.Tenant))
            {
                errors.Add($"{where}:Tenant must be 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit.");
            }

            if (key.Roles.Count == 0)
            {
                errors.Add($"{where}:Roles must name at least one of intake, agent, admin.");
            }

            foreach (var role in key.Roles)
            {
                if (!RoleNames.TryParse(role, out _))
                {
                    errors.Add($"{where}:Roles has '{role}'; expected intake, agent or admin.");
                }
            }

            if (key.PermitsPerSecond is < 1)
            {
                errors.Add($"{where}:PermitsPerSecond must be at least 1.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
