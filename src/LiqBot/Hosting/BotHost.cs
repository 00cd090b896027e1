using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Chat.Commands;
using LiqBot.Chat.Console;
using LiqBot.Chat.Discord;
using LiqBot.Chat.Telegram;
using LiqBot.Market;
using LiqBot.Operations;
using LiqBot.Resilience;
using LiqBot.Risk;
using LiqBot.Scheduling;
using LiqBot.Storage;
using LiqBot.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Quartz;

namespace LiqBot.Hosting;

/// <summary>Builds the bot: configuration, storage, the market feed, the engine, chats, the outbox and summaries.</summary>
internal static class BotHost
{
    /// <summary>The scheduler every instance joins in the clustered store (one name, one cluster).</summary>
    public const string ClusteredSchedulerName = "LiqBot";

    // Advisory lock key of the Telegram poller ("LIQTG" in ASCII); one poller per store.
    private const long TelegramPollerLeaseKey = 0x4C49_5154_47;

    public static IHost Build(IReadOnlyList<string> configArgs, string? replayFile, string? speed, TextReader input, TextWriter output, string? contentRoot = null)
    {
        contentRoot ??= File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? Directory.GetCurrentDirectory() : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. configArgs], ContentRootPath = contentRoot, ApplicationName = "LiqBot" });
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        builder.Logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = TerseConsoleFormatter.FormatterName;
        }).AddConsoleFormatter<TerseConsoleFormatter, ConsoleFormatterOptions>();
        var services = builder.Services;
        var configuration = builder.Configuration;

        var market = configuration.GetSection(MarketOptions.Section).Get<MarketOptions>() ?? new MarketOptions();
        // Read here, not through IOptions: the source is chosen while the host is built, so it is checked now.
        if (new MarketOptionsValidator().Validate(null, market) is { Failed: true } marketCheck)
        {
            throw new OptionsValidationException(MarketOptions.Section, typeof(MarketOptions), marketCheck.Failures);
        }
        if (market.Symbols.Count == 0)
        {
            market.Symbols = ["BTCUSDT", "ETHUSDT"];
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        services.AddSingleton(market);
        services.AddSingleton<ListedSymbols>();
        services.AddSingleton(sp => new SymbolCatalog(market.Symbols, sp.GetRequiredService<ListedSymbols>()));
        services.AddSingleton(ModelOptionsReader.Read(configuration));
        services.AddSingleton(sp => new MarketRegistry(sp.GetRequiredService<SymbolCatalog>(), sp.GetRequiredService<Engine.Model.ModelOptions>(), sp.GetRequiredService<Exchanges.VenueFeeds>().Venues));
        services.AddSingleton<FeedCompletion>();
        MarketSourceChoice.Add(services, configuration, market, replayFile, speed, contentRoot);

        services.AddLiqBotStorage(configuration);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SubscriptionChanges>();
        services.AddSingleton<IDeliveryReport, OutboxDeliveryReport>();
        services.AddSingleton<AlertAudience>();
        services.AddSingleton<AlertCharts>();
        services.AddSingleton<AlertImageRecorder>();
        services.AddSingleton<AlertImageAttacher>();
        services.AddSingleton<AlertPublisher>();

        AddCommands(services);
        AddChats(services, configuration);
        if (string.IsNullOrEmpty(configuration["Discord:Token"]) && string.IsNullOrEmpty(configuration["Telegram:Token"]))
        {
            AddConsoleChat(services, input, output);
        }

        services.AddLiqBotOperations(configuration);
        AddSummaries(services, configuration);
        services.AddSingleton<Market.OutageSync>();
        services.AddSingleton<SymbolTracker>();
        services.AddHostedService<InstrumentListWorker>();
        services.AddHostedService<IdleSymbolWorker>();
        AddRealizedStore(services);
        services.AddHostedService<MarketWorker>();
        services.AddHostedService<FeedStatusWorker>();
        services.AddHostedService<OutboxDispatchWorker>();
        return builder.Build().StartLiqBotMetrics();
    }

    /// <summary>Realized liquidations kept in the store across restarts: written off the feed's path, restored at start.</summary>
    private static void AddRealizedStore(IServiceCollection services)
    {
        services.AddSingleton<IRealizedStore, SqlRealizedStore>();
        services.AddSingleton<RealizedWriterWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RealizedWriterWorker>());
        services.AddSingleton<RealizedRestore>();
    }

    private static void AddCommands(IServiceCollection services)
    {
        services.AddSingleton<ChartService>();
        services.AddSingleton<MarketArguments>();
        services.AddSingleton<IChatCommand, LiqMapCommand>();
        services.AddSingleton<IChatCommand, HeatmapCommand>();
        services.AddSingleton<IChatCommand, ZonesCommand>();
        services.AddSingleton<IChatCommand, SubscribeCommand>();
        services.AddSingleton<IChatCommand, UnsubscribeCommand>();
        services.AddSingleton<IChatCommand, AlertsCommand>();
        services.AddSingleton<IChatCommand, ConfigCommand>();
        services.AddSingleton<MarginTierStore>();
        services.AddHostedService<MarginTierWorker>();
        services.AddSingleton<IChatCommand, RiskCommand>();
        services.AddSingleton<ICommandRouter, CommandRouter>();
    }

    /// <summary>
    /// Scheduled summaries on Quartz; the schedules live in the store, so they survive restarts. On
    /// PostgreSQL, Quartz's clustered ADO job store: each firing runs on one instance, and a dead
    /// instance's firings are picked up by another.
    /// </summary>
    private static void AddSummaries(IServiceCollection services, IConfiguration configuration)
    {
        if (PostgresConnectionString(configuration) is { } connectionString)
        {
            services.AddQuartz(q =>
            {
                q.ConfigureScheduler(o => o.InstanceName = ClusteredSchedulerName);
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(_ => { });
                    store.ProvisionSchema();
                });
            });
        }
        else
        {
            services.AddQuartz();
        }

        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<SummaryComposer>();
        services.AddTransient<SummaryJob>();
        services.AddHostedService<SummaryScheduler>();
    }

    /// <summary>Telegram and Discord when their tokens are set. On PostgreSQL, instances elect one Telegram poller.</summary>
    private static void AddChats(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.HasTelegramToken())
        {
            if (PostgresConnectionString(configuration) is { } connectionString)
            {
                services.AddSingleton<ILeaderLease>(new PostgresAdvisoryLease(connectionString, TelegramPollerLeaseKey));
            }

            services.AddLiqBotTelegram(configuration);
        }

        services.AddLiqBotDiscord(configuration);
    }

    /// <summary>The shared store's connection string when instances share PostgreSQL; null on SQLite.</summary>
    private static string? PostgresConnectionString(IConfiguration configuration)
    {
        var storage = configuration.GetSection("Storage");
        return string.Equals(storage["Provider"], "postgres", StringComparison.OrdinalIgnoreCase) && storage["ConnectionString"] is { Length: > 0 } connectionString
            ? connectionString
            : null;
    }

    /// <summary>Without chat tokens the bot talks on the console.</summary>
    private static void AddConsoleChat(IServiceCollection services, TextReader input, TextWriter output)
    {
        services.AddSingleton(sp => new ConsoleChatIO(input, output, Path.Combine(Directory.GetCurrentDirectory(), "out"), sp.GetRequiredService<FeedReplay>().AtMaxSpeed));
        services.AddSingleton<IChatSender, ConsoleChatSender>();
        services.AddHostedService<ConsoleChatWorker>();
    }
}
