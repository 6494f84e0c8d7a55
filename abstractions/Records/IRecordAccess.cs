using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Records;

/// <summary>One access question about a record: does <see cref="Request"/> pass <see cref="Rule"/> and, when set, the requester's own <see cref="Filter"/>?</summary>
public sealed record RecordAccessCheck(string? Rule, RecordRequestInfo Request, string? Filter = null);

/// <summary>
/// API rules and record rendering for plugins that serve records outside the records API (realtime
/// events, custom endpoints). Implemented by the host with the same rule engine and JSON as the
/// records API.
/// </summary>
public interface IRecordAccess
{
    /// <summary>
    /// Answers each check for one record, in order, reading the database once. A check passes when the
    /// requester is a superuser or the rule is empty or matches (a null rule passes superusers only),
    /// and the filter, if any, matches too (a filter on superuser-only fields fails for others).
    /// With <paramref name="fromValues"/> the record's own values stand in for its row, for a record
    /// that no longer exists (e.g. a delete event after the delete committed).
    /// </summary>
    IReadOnlyList<bool> CanAccess(Record record, IReadOnlyList<RecordAccessCheck> checks, bool fromValues = false);

    /// <summary>
    /// The record's API JSON as <paramref name="request"/> may see it: hidden fields for superusers,
    /// the email for the record's owner and its managers, OnRecordEnrich fired, then the
    /// <c>expand</c> and <c>fields</c> query values applied (expanded records under their viewRule).
    /// <paramref name="http"/> is handed to OnRecordEnrich handlers when there is a request behind it.
    /// </summary>
    JsonNode Present(Record record, RecordRequestInfo request, bool fromValues = false, HttpContext? http = null);
}
