using Dapper;
using Satchel.Auth;
using Satchel.Collections;
using Satchel.Data;
using Satchel.Data.Migrations;
using Satchel.Errors;
using Satchel.Files;
using Satchel.Hooks;
using Satchel.Mail;
using Satchel.Models;
using Satchel.Records;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;
using Satchel.Settings;

namespace Satchel.Core;

/// <summary>
/// The running app: its pb_data folder, databases, collections, settings and hooks. Created
/// once per process by <see cref="AppBootstrap"/>; everything else reaches it as <see cref="IApp"/>.
/// </summary>
public sealed class SatchelApp : IApp, IDisposable
{
    private readonly SqliteDatabase _db;
    private readonly SqliteDatabase _auxDb;

    public SatchelApp(string dataDir, bool isDev, string? encryptionKey = null)
    {
        DataDir = Path.GetFullPath(dataDir);
        IsDev = isDev;
        Directory.CreateDirectory(DataDir);
        _db = new SqliteDatabase(Path.Combine(DataDir, "data.db"));
        _auxDb = new SqliteDatabase(Path.Combine(DataDir, "auxiliary.db"));
        Collections = new CollectionCache(_db);
        SettingsStore = new SettingsStore(_db, encryptionKey);
        SettingsStore.ReloadWrapper = apply => Hooks.OnSettingsReload.Trigger(new SettingsReloadEvent(this), _ => apply());
        RateLimitRuleRenames.Bind(this);
        Records = new RecordStore(_db);
        RecordSaver = new RecordSaver(this);
        CollectionSaver = new CollectionSaver(this);
        Tokens = new AuthTokens(this);
        Files = new FileSystemRegistry(this);
        Mailer = new AppMailer(this, () => MailTransport);
        RecordMails = new RecordMails(this, () => MailLog);
        AuthOrigins = new AuthOrigins(this);
        AuthOrigins.BindCleanup(Hooks, () => AuthLog);
    }

    public string DataDir { get; }
    public bool IsDev { get; }
    public IDatabase Db => _db;
    public IDatabase AuxDb => _auxDb;
    public AppHooks Hooks { get; } = new();
    public IAuthTokens Tokens { get; }
    public IFileSystemProvider Files { get; }

    internal SqliteDatabase DataDatabase => _db;
    internal SqliteDatabase AuxDatabase => _auxDb;
    public CollectionCache Collections { get; }
    public SettingsStore SettingsStore { get; }
    public RecordStore Records { get; }
    public RecordSaver RecordSaver { get; }
    public CollectionSaver CollectionSaver { get; }

    /// <summary>Creates or upgrades the schema (the pending system migrations) and loads collections and settings.</summary>
    public void Bootstrap()
    {
        new MigrationRunner(this, SystemMigrations.List()).Up();
        Reload();
    }

    /// <summary>Rereads collections and settings, e.g. after migrations changed them behind the caches.</summary>
    public void Reload()
    {
        Collections.Reload();
        SettingsStore.Load();
    }

    // --- settings ---
    public AppSettings Settings => SettingsStore.Current;
    public void SaveSettings(AppSettings settings) => SettingsStore.Save(settings);

    // --- collections ---
    public Collection? FindCollectionByNameOrId(string nameOrId) => Collections.Find(nameOrId);

    public IReadOnlyList<Collection> FindAllCollections(params string[] types)
        => types.Length == 0 ? Collections.All : Collections.All.Where(c => types.Contains(c.Type)).ToList();

    public void SaveCollection(Collection collection) => CollectionSaver.Save(collection);
    public void DeleteCollection(Collection collection) => CollectionSaver.Delete(collection);

    // --- records ---
    public Record? FindRecordById(string collectionNameOrId, string id)
        => Collections.Find(collectionNameOrId) is { } c ? Records.FindById(c, id) : null;

    public Record? FindFirstRecordByData(string collectionNameOrId, string field, object? value)
        => Records.FindFirstByData(RequireCollection(collectionNameOrId), field, value);

    public IReadOnlyList<Record> FindRecordsByFilter(string collectionNameOrId, string filter, string sort = "", int limit = 0, int offset = 0,
        IReadOnlyDictionary<string, object?>? parameters = null)
    {
        var c = RequireCollection(collectionNameOrId);
        var resolver = new RecordFieldResolver(c, FindCollectionByNameOrId, new RequestInfo(), allowHiddenFields: true);
        var query = new SearchQuery(c.Name, resolver) { Placeholders = parameters };
        // An invalid expression throws a FilterException, a 400.
        if (!string.IsNullOrWhiteSpace(filter)) query.Where(filter);
        if (!string.IsNullOrWhiteSpace(sort)) query.OrderBy(sort);
        var sql = query.Build();
        // SQLite needs a LIMIT before an OFFSET; -1 means none.
        int? sqlLimit = limit > 0 ? limit : offset > 0 ? -1 : null;
        return Records.FindMany(c, sql.SelectSql(limit: sqlLimit, offset: offset > 0 ? offset : null), new DynamicParameters(sql.Parameters));
    }

    public Record? FindAuthRecordByEmail(string collectionNameOrId, string email)
    {
        var c = RequireCollection(collectionNameOrId);
        return c.IsAuth ? Records.FindAuthByEmail(c, email) : null;
    }

    public void SaveRecord(Record record) => RecordSaver.Save(record);
    public void DeleteRecord(Record record) => RecordSaver.Delete(record);

    // --- mail ---
    /// <summary>The mail plugin's transport, taken from the container once the server is built (null: no mail plugin).</summary>
    public IMailer? MailTransport { get; set; }

    /// <summary>Where mail problems that reach no caller are logged.</summary>
    public ILogger MailLog { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IMailer Mailer { get; }

    // --- auth ---
    /// <summary>The devices auth records signed in from (_authOrigins).</summary>
    public AuthOrigins AuthOrigins { get; }

    /// <summary>Where auth problems that reach no caller (e.g. a failed login alert) are logged.</summary>
    public ILogger AuthLog { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    public IRecordMailer RecordMails { get; }

    public void RunInTransaction(Action work) => _db.Write<object?>((_, _) => { work(); return null; });

    private Collection RequireCollection(string nameOrId)
        => Collections.Find(nameOrId) ?? throw ApiException.NotFound($"Missing collection \"{nameOrId}\".");

    public void Dispose()
    {
        _db.Dispose();
        _auxDb.Dispose();
    }
}
