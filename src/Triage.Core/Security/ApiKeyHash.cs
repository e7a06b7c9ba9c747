using System.Security.Cryptography;
using System.Text;

namespace Triage.Core.Security;

/// <summary>
/// Keys are long random strings, so a plain SHA-256 is the right storage form: there is nothing to
/// brute-force that a slow hash would protect, and lookup by hash costs one hash per call.
/// </summary>
public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: 32 random bytes, URL-safe base64, prefixed so it is recognisable in a leak scan.</summary>
    public static string NewKey() => "trg_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
