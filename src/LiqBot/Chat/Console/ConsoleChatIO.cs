namespace LiqBot.Chat.Console;

/// <summary>Where the console chat reads commands, writes replies and saves images; WaitForIngest makes it answer only after a replay is in.</summary>
internal sealed record ConsoleChatIO(TextReader Input, TextWriter Output, string ImageFolder, bool WaitForIngest)
{
    /// <summary>The console is one chat whose user is its admin.</summary>
    public static Storage.ChatAddress Chat { get; } = new(Storage.ChatPlatforms.Console, "local");

    /// <summary>Writes the image under the image folder and returns its path.</summary>
    public string Save(ChatImage image)
    {
        Directory.CreateDirectory(ImageFolder);
        var path = Path.Combine(ImageFolder, Path.GetFileName(image.FileName));
        File.WriteAllBytes(path, image.Png);
        return path;
    }
}
