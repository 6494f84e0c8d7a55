using System.CommandLine;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Cli;

/// <summary>
/// `superuser upsert|create|update|delete EMAIL [PASSWORD]`: manages the accounts of the
/// _superusers collection with PocketBase's argument rules and messages. The record goes through
/// the app's normal save path, so the collection's own rules (unique email, password length) apply.
/// </summary>
public static class SuperuserCommand
{
    private const string MissingArgs = "missing email and password arguments";
    private const string InvalidEmail = "missing or invalid email address";

    public static Command Create()
    {
        var cmd = new Command("superuser", "Manage superusers");
        cmd.Subcommands.Add(Sub("upsert", "Creates, or updates if email exists, a single superuser", "superuser upsert test@example.com 1234567890", withPassword: true, Upsert));
        cmd.Subcommands.Add(Sub("create", "Creates a new superuser", "superuser create test@example.com 1234567890", withPassword: true, CreateOne));
        cmd.Subcommands.Add(Sub("update", "Changes the password of a single superuser", "superuser update test@example.com 1234567890", withPassword: true, Update));
        cmd.Subcommands.Add(Sub("delete", "Deletes an existing superuser", "superuser delete test@example.com", withPassword: false, (app, email, _) => Delete(app, email)));
        return cmd;
    }

    private static Command Sub(string name, string description, string example, bool withPassword, Func<IApp, string?, string?, string> action)
    {
        var email = new Argument<string?>("email") { Arity = ArgumentArity.ZeroOrOne, Description = "the superuser's email address" };
        var password = new Argument<string?>("password") { Arity = ArgumentArity.ZeroOrOne, Description = "the new password" };
        var cmd = new Command(name, $"{description}\nExample: satchel {example}");
        cmd.Arguments.Add(email);
        if (withPassword) cmd.Arguments.Add(password);
        cmd.SetAction(parse => CliRun.Guarded(() =>
        {
            using var app = CliApp.Open(parse);
            Console.WriteLine(action(app, parse.GetValue(email), withPassword ? parse.GetValue(password) : null));
            return 0;
        }));
        return cmd;
    }

    public static string Upsert(IApp app, string? email, string? password)
    {
        var (e, p) = RequireEmailAndPassword(email, password);
        var collection = SuperusersCollection(app);
        var record = app.FindAuthRecordByEmail(SystemCollections.Superusers, e) ?? new Record(collection);
        record.Set("email", e);
        record.Set("password", p);
        Save(app, record, "failed to upsert superuser account");
        return $"Successfully saved superuser \"{e}\"!";
    }

    public static string CreateOne(IApp app, string? email, string? password)
    {
        var (e, p) = RequireEmailAndPassword(email, password);
        var record = new Record(SuperusersCollection(app));
        record.Set("email", e);
        record.Set("password", p);
        Save(app, record, "failed to create new superuser account");
        return $"Successfully created new superuser \"{e}\"!";
    }

    public static string Update(IApp app, string? email, string? password)
    {
        var (e, p) = RequireEmailAndPassword(email, password);
        SuperusersCollection(app);
        var record = app.FindAuthRecordByEmail(SystemCollections.Superusers, e)
            ?? throw new CliException($"superuser with email \"{e}\" doesn't exist");
        record.Set("password", p);
        Save(app, record, $"failed to change superuser \"{record.GetString("email")}\" password");
        return $"Successfully changed superuser \"{record.GetString("email")}\" password!";
    }

    /// <summary>Deleting a superuser that does not exist is not an error (exit code 0), as in PocketBase.</summary>
    public static string Delete(IApp app, string? email)
    {
        if (!EmailFormat.IsValid(email)) throw new CliException("invalid or missing email address");
        SuperusersCollection(app);
        var record = app.FindAuthRecordByEmail(SystemCollections.Superusers, email!);
        if (record == null) return $"superuser \"{email}\" is missing or already deleted";
        try { app.DeleteRecord(record); }
        catch (ApiException ex) { throw new CliException($"failed to delete superuser \"{record.GetString("email")}\": {CliRun.Describe(ex)}"); }
        return $"Successfully deleted superuser \"{record.GetString("email")}\"!";
    }

    private static (string Email, string Password) RequireEmailAndPassword(string? email, string? password)
    {
        if (email == null || password == null) throw new CliException(MissingArgs);
        if (!EmailFormat.IsValid(email)) throw new CliException(InvalidEmail);
        return (email, password);
    }

    private static Collection SuperusersCollection(IApp app)
        => app.FindCollectionByNameOrId(SystemCollections.Superusers)
           ?? throw new CliException($"failed to fetch \"{SystemCollections.Superusers}\" collection: the collection is missing");

    private static void Save(IApp app, Record record, string failure)
    {
        try { app.SaveRecord(record); }
        catch (ApiException ex) { throw new CliException($"{failure}: {CliRun.Describe(ex)}"); }
    }
}
