namespace LiqBot.Fakes.Faults;

/// <summary>What a fake chat API does to one send: answer normally, or one of the faults real APIs show.</summary>
public enum FakeSendFault
{
    None,

    /// <summary>429 with retry_after (1 s), nothing posted.</summary>
    TooManyRequests,

    /// <summary>502, nothing posted.</summary>
    ServerError,

    /// <summary>Posted, then the connection is cut before the answer: the sender cannot know it was delivered.</summary>
    CutAfterAccept,

    /// <summary>Posted and answered, but only after <see cref="FakeFaultPlan.SlowAnswer"/>.</summary>
    SlowAnswer,
}
