using Triage.Api.V1;

namespace Triage.Tests.Api;

/// <summary>Requests that pass validation, to be bent one field at a time by the tests.</summary>
internal static class Tickets
{
    public static Ticket Valid(string body = "주문한 운동화가 아직 안 왔어요. 주문번호 20241103-0042781 확인 부탁드립니다.") => new()
    {
        TicketId = "T-1001",
        Subject = "배송 문의",
        Body = body,
        Channel = Channel.Email,
        CustomerId = "C-77",
        CustomerTier = CustomerTier.Standard,
    };

    public static ClassifyTicketRequest Classify(Ticket? ticket = null) => new() { Ticket = ticket ?? Valid() };
}
