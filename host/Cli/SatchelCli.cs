namespace Satchel.Cli;

/// <summary>The command line: serve, superuser, migrate (PocketBase's commands and flags).</summary>
public static class SatchelCli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("satchel: not implemented yet");
        return Task.FromResult(1);
    }
}
