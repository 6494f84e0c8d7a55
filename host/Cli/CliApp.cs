using System.CommandLine;
using Satchel.Core;

namespace Satchel.Cli;

/// <summary>Opens pb_data for a command other than serve, with the global flags.</summary>
public static class CliApp
{
    public static SatchelApp Open(ParseResult parse)
    {
        var key = GlobalOptions.ResolveEncryptionKey(parse.GetValue(GlobalOptions.EncryptionEnv));
        var app = new SatchelApp(parse.GetValue(GlobalOptions.Dir)!, parse.GetValue(GlobalOptions.Dev), key);
        try
        {
            app.Bootstrap();
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }
}
