using Google.Rpc;
using Grpc.Core;

namespace Triage.Tests.Api;

internal static class RpcAssert
{
    public static async Task<RpcException> Fails(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == expected, $"expected {expected}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>INVALID_ARGUMENT whose google.rpc.BadRequest names <paramref name="field"/>.</summary>
    public static async Task<BadRequest> InvalidField(string field, Func<Task> call)
    {
        var ex = await Fails(StatusCode.InvalidArgument, call);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var badRequest = status!.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest!.FieldViolations, v => v.Field == field);
        Assert.Contains(field, ex.Status.Detail, StringComparison.Ordinal);
        return badRequest;
    }
}
