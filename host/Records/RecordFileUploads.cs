using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Files;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// The file side of a record create or update. <see cref="FromRequest"/> turns the request's file
/// parts into generated names in the record's file fields, <see cref="Validate"/> checks them,
/// and <see cref="Persist"/> — inside the save transaction — stores the new files, deletes them
/// again if the transaction rolls back, and deletes the files the record stopped referencing only
/// once it commits. So a failed save leaves no new file behind and deletes nothing.
/// </summary>
public sealed partial class RecordFileUploads
{
    /// <summary>PocketBase's request body limit before the file fields' own allowances.</summary>
    public const long BaseMaxBodySize = 32L << 20;

    private const int MaxStoredOriginalName = 255;

    private readonly Record _record;
    private readonly Dictionary<string, PendingUpload> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _stored = new(StringComparer.Ordinal);
    private readonly string _storedId;

    private RecordFileUploads(Record record)
    {
        _record = record;
        _storedId = record.IsNew ? "" : record.Original("id") as string ?? record.Id;
        foreach (var field in record.Collection.Fields.OfType<FileField>())
            _stored[field.Name] = record.IsNew ? new List<string>() : MultiValue.Items(record.Original(field.Name));
    }

    /// <summary>The uploads that were submitted, by generated name.</summary>
    public IReadOnlyDictionary<string, PendingUpload> Pending => _pending;

    /// <summary>
    /// Reads the file parts for the record's file fields — "field" (replace), "field+" (append) and
    /// "+field" (prepend), each possibly repeated — and sets the resulting names on the record.
    /// Call it after the body's values were applied, also for JSON bodies (with no files) so that
    /// <see cref="Validate"/> and <see cref="Persist"/> see removals.
    /// </summary>
    /// <param name="bodyKeys">
    /// The keys of the request's non-file values. When the body also names the field itself, its
    /// names are kept in front of the new files (PocketBase's guard against dropping files by accident);
    /// otherwise files under the plain field name replace the current ones.
    /// </param>
    public static RecordFileUploads FromRequest(Record record, IFormFileCollection? files, IReadOnlyCollection<string>? bodyKeys = null)
    {
        var uploads = new RecordFileUploads(record);
        if (files == null || files.Count == 0) return uploads;

        foreach (var field in record.Collection.Fields.OfType<FileField>())
        {
            var multiple = field.IsMultiple;
            var replacing = uploads.Take(field, files, field.Name);
            if (replacing.Count > 0)
            {
                var kept = bodyKeys?.Contains(field.Name) == true ? MultiValue.Items(record.Get(field.Name)) : new List<string>();
                record.Set(field.Name, kept.Concat(replacing).ToList());
            }
            var prepended = uploads.Take(field, files, "+" + field.Name);
            if (prepended.Count > 0) record.Set(field.Name, MultiValue.Prepend(record.Get(field.Name), prepended, multiple));
            var appended = uploads.Take(field, files, field.Name + "+");
            if (appended.Count > 0) record.Set(field.Name, MultiValue.Append(record.Get(field.Name), appended, multiple));
        }
        return uploads;
    }

    private List<string> Take(FileField field, IFormFileCollection files, string key)
    {
        var names = new List<string>();
        // Form keys are case-sensitive here, unlike IFormFileCollection.GetFiles.
        foreach (var file in files.Where(f => f.Name == key))
        {
            var upload = PendingUpload.From(field, file);
            _pending[upload.Name] = upload;
            names.Add(upload.Name);
        }
        return names;
    }

    /// <summary>
    /// Adds PocketBase's file errors to <paramref name="errors"/>: names that are neither stored nor
    /// uploaded, too many files, and each new file's name, size (maxSize, 5 MiB when 0) and detected
    /// type (mimeTypes). Fields that already have an error are skipped.
    /// </summary>
    public void Validate(ValidationErrors errors)
    {
        foreach (var field in _record.Collection.Fields.OfType<FileField>())
        {
            if (errors.Has(field.Name)) continue;
            if (Check(field) is { } error) errors.Add(field.Name, error);
        }
    }

    private ValidationError? Check(FileField field)
    {
        var names = MultiValue.Items(_record.Get(field.Name));
        if (names.Count == 0) return null; // "required" is the field's own check

        var stored = _stored[field.Name];
        var invalid = names.Where(n => !stored.Contains(n) && !_pending.ContainsKey(n)).Select(n => n.Length > 250 ? n[..250] : n).ToList();
        if (invalid.Count > 0)
            return FieldErrors.Create("validation_invalid_file", $"Invalid new files: [{string.Join(" ", invalid)}].", ("invalidFiles", invalid));

        var max = field.EffectiveMaxSelect;
        if (names.Count > max)
            return FieldErrors.Create("validation_too_many_files", $"The maximum allowed files is {max}.", ("maxSelect", max));

        foreach (var name in names)
        {
            if (!_pending.TryGetValue(name, out var upload)) continue;
            if (upload.Name.Length is < 1 or > 150) return FieldErrors.Length(1, 150);
            if (!LooseFilename().IsMatch(upload.Name)) return FieldErrors.MatchInvalid();

            var maxSize = field.EffectiveMaxSize;
            var original = upload.OriginalName.Length > 300 ? upload.OriginalName[..300] : upload.OriginalName;
            if (upload.Size > maxSize)
                return FieldErrors.Create("validation_file_size_limit",
                    $"Failed to upload {original} - the maximum allowed file size is {maxSize} bytes.", ("file", original), ("maxSize", maxSize));

            if (field.MimeTypes is { Count: > 0 } allowed && !allowed.Any(upload.Type.Is))
                return FieldErrors.Create("validation_invalid_mime_type",
                    $"\"{upload.Name}\" mime type must be one of: {string.Join(", ", allowed)}.");
        }
        return null;
    }

    /// <summary>
    /// Stores the new files that are (still) in the record's values under
    /// "&lt;collectionId&gt;/&lt;recordId&gt;/", and schedules the deletion of the files the record no
    /// longer references for after the commit. Call it inside the save transaction; it gives a new
    /// record without id its generated id. Throws a 400 when files must be stored and no storage is enabled.
    /// </summary>
    public void Persist(IApp app)
    {
        var recordId = StorageId();
        var current = _record.Collection.Fields.OfType<FileField>()
            .ToDictionary(f => f.Name, f => MultiValue.Items(_record.Get(f.Name)), StringComparer.Ordinal);

        var toUpload = _pending.Values.Where(u => current.TryGetValue(u.Field.Name, out var names) && names.Contains(u.Name)).ToList();
        var toDelete = _stored
            .SelectMany(p => p.Value.Where(n => !current[p.Key].Contains(n)))
            .Where(FileKeys.IsPlainFilename)
            .Distinct()
            .ToList();

        if (toUpload.Count > 0) Upload(app, recordId, toUpload);

        if (toDelete.Count > 0)
        {
            var collection = _record.Collection;
            app.Db.AfterCommit(() => DeleteQuietly(app, fs =>
            {
                foreach (var name in toDelete)
                {
                    fs.DeleteAsync(FileKeys.RecordFile(collection, recordId, name)).GetAwaiter().GetResult();
                    fs.DeletePrefixAsync(FileKeys.ThumbsDir(collection, recordId, name) + "/").GetAwaiter().GetResult();
                }
            }));
        }
    }

    private void Upload(IApp app, string recordId, List<PendingUpload> uploads)
    {
        var fs = app.Files.Active
            ?? throw ApiException.BadRequest("File uploads are not available: no file storage is enabled.");
        var collection = _record.Collection;
        // Saving has already marked the record persisted; whether it was new is known from before.
        var wasNew = _storedId == "";
        var stored = new List<string>();

        void Cleanup()
        {
            // A new record's folder holds nothing but these uploads.
            if (wasNew) fs.DeletePrefixAsync(FileKeys.RecordDir(collection, recordId) + "/").GetAwaiter().GetResult();
            else foreach (var key in stored) fs.DeleteAsync(key).GetAwaiter().GetResult();
        }

        app.Db.AfterRollback(() => DeleteQuietly(app, _ => Cleanup()));
        try
        {
            foreach (var upload in uploads)
            {
                var key = FileKeys.RecordFile(collection, recordId, upload.Name);
                var original = upload.OriginalName.Length > MaxStoredOriginalName ? upload.OriginalName[..MaxStoredOriginalName] : upload.OriginalName;
                using var content = upload.File.OpenReadStream();
                fs.UploadAsync(key, content, upload.Type.MimeType, new Dictionary<string, string> { [StoredFileInfo.OriginalFilenameKey] = original })
                    .GetAwaiter().GetResult();
                stored.Add(key);
            }
        }
        catch (Exception e) when (e is not ApiException)
        {
            DeleteQuietly(app, _ => Cleanup());
            throw ApiException.BadRequest("Failed to upload the submitted files.");
        }
    }

    /// <summary>The record's storage folder id: its stored id, or for a new record its (generated when missing) id.</summary>
    private string StorageId()
    {
        if (_storedId != "") return _storedId;
        if (_record.Id == "" && _record.Collection.Fields.ByName("id") is TextField idField)
            _record.Set("id", idField.Autogenerate());
        return _record.Id;
    }

    /// <summary>
    /// Deletes a deleted record's files (its whole storage folder) once the current transaction
    /// commits — at once when none is open.
    /// </summary>
    public static void OnRecordDeleted(IApp app, Record record)
    {
        if (record.Collection.IsView) return;
        var id = record.Original("id") as string ?? record.Id;
        if (!FileKeys.IsPlainFilename(id)) return;
        var prefix = FileKeys.RecordDir(record.Collection, id) + "/";
        app.Db.AfterCommit(() => DeleteQuietly(app, fs => fs.DeletePrefixAsync(prefix).GetAwaiter().GetResult()));
    }

    /// <summary>Deletes a deleted collection's files (storage/&lt;collectionId&gt;) once the current transaction commits.</summary>
    public static void OnCollectionDeleted(IApp app, Collection collection)
    {
        if (collection.IsView || !FileKeys.IsPlainFilename(collection.Id)) return;
        var prefix = FileKeys.CollectionDir(collection) + "/";
        app.Db.AfterCommit(() => DeleteQuietly(app, fs => fs.DeletePrefixAsync(prefix).GetAwaiter().GetResult()));
    }

    /// <summary>
    /// The request body limit PocketBase gives a collection's create/update requests: 32 MiB plus,
    /// for each file field, its per-file limit times its file count.
    /// </summary>
    public static long MaxBodySize(Collection collection)
    {
        var limit = BaseMaxBodySize;
        if (collection.IsView) return limit;
        foreach (var field in collection.Fields.OfType<FileField>()) limit += field.EffectiveMaxSize * field.EffectiveMaxSelect;
        return limit;
    }

    /// <summary>Cleanup never fails the caller: at worst a file stays behind unreferenced.</summary>
    private static void DeleteQuietly(IApp app, Action<IFileSystem> delete)
    {
        try
        {
            if (app.Files.Active is { } fs) delete(fs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or AggregateException or InvalidOperationException)
        {
        }
    }

    [GeneratedRegex(@"^[^./\\][^/\\]+$")]
    private static partial Regex LooseFilename();
}
