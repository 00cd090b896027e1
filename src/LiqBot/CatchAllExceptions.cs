using System.Diagnostics.CodeAnalysis;

// CA1031 (catching Exception) is an error in this project except in these members, each a loop or
// an outermost handler that must outlive any one failure. Listed here, with the reason, so a new
// catch-all anywhere else fails the build until it earns a line of its own.
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "The dispatch loop must survive a failed pass; leases keep the messages safe and the pass is retried.",
    Target = "~M:LiqBot.Alerts.OutboxDispatchWorker.DispatchLoopAsync(LiqBot.Chat.IChatSender,System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "The result writer hands any failure of a grouped write to each waiting caller, as if each had written alone; the writer itself must go on.",
    Target = "~M:LiqBot.Storage.OutboxResultWriter.WriteQueuedAsync~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "One interaction's failure is logged; the gateway loop that dispatched it must go on.",
    Target = "~M:LiqBot.Chat.Discord.DiscordInteractionHandler.HandleAsync(System.Text.Json.JsonElement,System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "A delivery report that fails leaves the message leased to be claimed again; the batch goes on.",
    Target = "~M:LiqBot.Chat.Telegram.TelegramChatSender.SettleAsync(LiqBot.Storage.OutboxMessage,System.Func{LiqBot.Chat.IDeliveryReport,System.Threading.Tasks.Task},LiqBot.Chat.IDeliveryReport)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "A failing update is logged and passed over; retrying it forever would stop every chat's commands.",
    Target = "~M:LiqBot.Chat.Telegram.TelegramPollingWorker.HandleAsync(Telegram.Bot.Types.Update,System.String)~System.Threading.Tasks.Task{System.Collections.Generic.IReadOnlyList{LiqBot.Storage.OutboxEnvelope}}")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "The CLI's outermost handler: any failure becomes exit code 1 and one line, never a stack trace.",
    Target = "~M:LiqBot.Cli.LiqBotCli.RunAsync(System.String[],System.IO.TextWriter,System.IO.TextWriter,System.Threading.CancellationToken)~System.Threading.Tasks.Task{System.Int32}")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "The reconnect loop must survive whatever ended a session; it backs off and connects again.",
    Target = "~M:LiqBot.Exchanges.LiveFeed.RunAsync(System.Threading.Channels.ChannelWriter{LiqBot.Engine.Market.MarketEvent},System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "A stream's failure, whatever its type, is what the supervisor restarts from; it is logged and never reaches the engine.",
    Target = "~M:LiqBot.Exchanges.SupervisedMarketSource.NextAsync(System.Collections.Generic.IAsyncEnumerator{LiqBot.Engine.Market.MarketEvent},System.Threading.CancellationToken)~System.Threading.Tasks.Task{System.ValueTuple{System.Boolean,System.Exception}}")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "A failed stream may fail again while closing; the restart builds a new one anyway.",
    Target = "~M:LiqBot.Exchanges.SupervisedMarketSource.DisposeQuietlyAsync(System.Collections.Generic.IAsyncEnumerator{LiqBot.Engine.Market.MarketEvent})~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "One event the engine refuses is logged and skipped; the feed must go on.",
    Target = "~M:LiqBot.Workers.MarketWorker.ExecuteAsync(System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "An alert's image is optional: whatever fails in rendering (native SkiaSharp) or storing it, the alert still goes out as text.",
    Target = "~M:LiqBot.Alerts.AlertImageRecorder.RecordAsync(LiqBot.Engine.Alerts.Alert,System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
[assembly: SuppressMessage("Design", "CA1031", Scope = "member", Justification = "The realized liquidations' writer must outlive whatever the store throws: the batch is kept for the next try and the feed never waits on it.",
    Target = "~M:LiqBot.Workers.RealizedWriterWorker.FlushAsync(System.Threading.CancellationToken)~System.Threading.Tasks.Task")]
