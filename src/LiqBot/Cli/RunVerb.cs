using System.CommandLine;
using LiqBot.Hosting;
using LiqBot.Storage;
using Microsoft.Extensions.Options;

namespace LiqBot.Cli;

/// <summary>
/// `run [--replay FILE] [--speed N|max]`: the bot. Any other --Section:Key value pairs override
/// configuration, as environment variables (Section__Key) do.
/// </summary>
internal static class RunVerb
{
    public static Command Create(TextWriter stdout)
    {
        var replay = new Option<string?>("--replay") { Description = "Replay a bar CSV or a recording instead of the live feed." };
        var speed = new Option<string?>("--speed") { Description = "Replay speed: max (default) or a factor of real time, like 60." };
        var command = new Command("run", "Runs the bot (the default verb). Without chat tokens it talks on the console.") { replay, speed };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            ConfigurationOverrides.Check(parse.UnmatchedTokens, ["--replay", "--speed"]);
            IHost host;
            try
            {
                host = BotHost.Build(parse.UnmatchedTokens, parse.GetValue(replay), parse.GetValue(speed), Console.In, stdout);

                // Validated here, not inside StartAsync, so a bad value is one line naming the key, not a logged stack trace.
                host.Services.GetService<IStartupValidator>()?.Validate();
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or OptionsValidationException)
            {
                throw new UsageException(e.Message);
            }

            try
            {
                await host.RunAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (OptionsValidationException e)
            {
                throw new UsageException(e.Message);
            }
            catch (StorageException e)
            {
                await Console.Error.WriteLineAsync($"liqbot: {e.Message}");
                return ExitCodes.Failure;
            }
            finally
            {
                host.Dispose();
            }
        });
        return command;
    }
}
