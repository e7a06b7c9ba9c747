using System.Security.Cryptography;
using System.Text;

namespace Triage.Tests.Retrieval.Remote.Fake;

/// <summary>
/// Deterministic per (model, input, size), so a test can compute what the server sent; deliberately not unit length,
/// so the client's normalization is observable.
/// </summary>
public static class FakeVectors
{
    public static float[] For(string model, string input, int dimensions)
    {
        var seed = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + input)), 0) | 1;
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            // xorshift64: cheap, and the same on every machine.
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            vector[i] = (float)(((seed >> 11) / (double)(1UL << 53) * 2) - 1) * 3f;
        }

        return vector;
    }

    public static float[] Normalized(string model, string input, int dimensions)
    {
        var v = For(model, input, dimensions);
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
