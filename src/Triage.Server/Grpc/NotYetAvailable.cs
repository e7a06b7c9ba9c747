using Grpc.Core;

namespace Triage.Server.Grpc;

/// <summary>
/// The answer for a call whose capability this build does not have yet: UNIMPLEMENTED, saying what is
/// missing, after the request was authenticated and validated like any other.
/// </summary>
internal static class NotYetAvailable
{
    public static RpcException Because(string capability) =>
        new(new Status(StatusCode.Unimplemented, $"{capability} is not available in this version of the service."));
}
