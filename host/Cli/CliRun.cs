using Satchel.Data.Migrations;
using Satchel.Errors;
using Satchel.Plugins;

namespace Satchel.Cli;

/// <summary>
/// Runs a command's work and turns the errors a user can cause or fix into one line on stderr
/// and exit code 1, the way PocketBase's commands report them ("Error: …").
/// </summary>
public static class CliRun
{
    public static int Guarded(Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is CliException or PluginLoadException or MigrationException or ApiException or ArgumentException or IOException)
        {
            return Fail(e is ApiException api ? Describe(api) : e.Message);
        }
        catch (Exception e)
        {
            // Not the user's fault, but still one readable line rather than a stack trace.
            return Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"Error: {message}");
        return 1;
    }

    /// <summary>An API error as one line: its field errors ("email: …; password: …") or else its message.</summary>
    public static string Describe(ApiException e)
    {
        if (e.Data.Count == 0) return e.Message;
        var parts = new List<string>();
        Flatten("", e.Data, parts);
        return string.Join("; ", parts) + ".";
    }

    private static void Flatten(string prefix, IDictionary<string, object> data, List<string> parts)
    {
        foreach (var (key, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = prefix == "" ? key : $"{prefix}.{key}";
            switch (value)
            {
                case ValidationError ve: parts.Add($"{name}: {ve.Message.TrimEnd('.')}"); break;
                case IDictionary<string, object> d when d.TryGetValue("message", out var m) && m is string s: parts.Add($"{name}: {s.TrimEnd('.')}"); break;
                case IDictionary<string, object> nested: Flatten(name, nested, parts); break;
                case ValidationErrors errs: Flatten(name, errs.ToData(), parts); break;
                default: parts.Add($"{name}: {value}"); break;
            }
        }
    }
}
