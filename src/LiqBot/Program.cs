using LiqBot.Cli;

return await LiqBotCli.RunAsync(args);
