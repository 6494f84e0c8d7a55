using Satchel.Auth;
using Satchel.Data;
using Satchel.Files;
using Satchel.Hooks;
using Satchel.Mail;
using Satchel.Models;
using Satchel.Settings;

namespace Satchel;

/// <summary>
/// The facade that plugins, JS hooks and C# scripts program against. Mirrors PocketBase's
/// core.App so that <c>$app.findRecordById(…)</c> in JS and <c>app.FindRecordById(…)</c> in C# are the same call.
/// </summary>
public interface IApp
{
    /// <summary>The pb_data folder.</summary>
    string DataDir { get; }
    bool IsDev { get; }

    /// <summary>data.db</summary>
    IDatabase Db { get; }
    /// <summary>auxiliary.db (logs)</summary>
    IDatabase AuxDb { get; }

    AppHooks Hooks { get; }

    // --- settings ---
    /// <summary>A snapshot of the current settings (change a copy and pass it to <see cref="SaveSettings"/>).</summary>
    AppSettings Settings { get; }
    /// <summary>Validates (a 400 <see cref="Errors.ApiException"/> with nested field errors) and stores the settings; the snapshot follows on commit.</summary>
    void SaveSettings(AppSettings settings);

    // --- auth ---
    IAuthTokens Tokens { get; }

    // --- files ---
    /// <summary>The storage backends for uploaded files and the one in use (pb_data/storage or S3).</summary>
    IFileSystemProvider Files { get; }

    // --- collections ---
    Collection? FindCollectionByNameOrId(string nameOrId);
    IReadOnlyList<Collection> FindAllCollections(params string[] types);
    void SaveCollection(Collection collection);
    void DeleteCollection(Collection collection);

    // --- records ---
    Record? FindRecordById(string collectionNameOrId, string id);
    /// <summary>First record whose field equals the value.</summary>
    Record? FindFirstRecordByData(string collectionNameOrId, string field, object? value);
    /// <summary>
    /// The records matching a filter in the rules language (no access rules applied; hidden fields
    /// allowed), with <c>{:name}</c> placeholders bound from <paramref name="parameters"/>, ordered by
    /// <paramref name="sort"/> ("-created,title"). A limit of 0 means no limit. An invalid filter or
    /// sort throws a 400 <see cref="Errors.ApiException"/>.
    /// </summary>
    IReadOnlyList<Record> FindRecordsByFilter(string collectionNameOrId, string filter, string sort = "", int limit = 0, int offset = 0,
        IReadOnlyDictionary<string, object?>? parameters = null);
    /// <summary>The auth record with this email, compared case-insensitively.</summary>
    Record? FindAuthRecordByEmail(string collectionNameOrId, string email);
    /// <summary>Validates and inserts or updates the record in one transaction.</summary>
    void SaveRecord(Record record);
    void DeleteRecord(Record record);

    /// <summary>Runs <paramref name="work"/> in one data.db transaction (nested calls join it).</summary>
    void RunInTransaction(Action work);

    // --- mail ---
    /// <summary>
    /// Sends any email: fires OnMailerSend, then hands the message to the mail plugin's transport
    /// (a <see cref="MailException"/> says so when no mail plugin is enabled).
    /// </summary>
    IMailer Mailer { get; }

    /// <summary>The system emails to auth records (verification, password reset, email change, OTP, login alert).</summary>
    IRecordMailer RecordMails { get; }
}
