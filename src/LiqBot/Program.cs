using LiqBot.Cli;
using LiqBot.Hosting;

MallocLimits.Apply(Environment.GetEnvironmentVariable);
return await LiqBotCli.RunAsync(args);
