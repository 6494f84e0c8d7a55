using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// The files a create or update request uploads for a record's file fields (parts named
/// <c>field</c>, <c>field+</c> or <c>+field</c>). Without a file storage backend there is nowhere
/// to keep them, so an upload is refused; requests without file parts pass through unchanged.
/// </summary>
public sealed class RecordFileUploads
{
    private static readonly RecordFileUploads None = new();

    private RecordFileUploads() { }

    /// <summary>Collects the uploaded parts for the record's file fields and names them on the record.</summary>
    public static RecordFileUploads FromRequest(Record record, IFormFileCollection files)
    {
        foreach (var file in files)
        {
            var key = file.Name.Trim('+');
            if (record.Collection.Fields.ByName(key) is FileField)
                throw ApiException.BadRequest("File storage is not configured.");
        }
        return None;
    }

    /// <summary>Adds the errors of the uploaded files (size, type, count).</summary>
    public void Validate(ValidationErrors errors) { }

    /// <summary>Called inside the save transaction: stores the uploads once it commits and drops them when it rolls back.</summary>
    public void Persist(IApp app) { }

    /// <summary>Called inside the delete transaction of a record: removes its files once it commits.</summary>
    public static void OnRecordDeleted(IApp app, Record record) { }
}
