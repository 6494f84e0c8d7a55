using System.Net;

namespace Satchel.Errors;

/// <summary>
/// An error answered to the client in PocketBase's format: {"status","message","data"}.
/// Throw it from any handler, hook or core path; the error middleware writes it.
/// </summary>
public class ApiException : Exception
{
    public int Status { get; }
    /// <summary>Per-field errors: field name → <see cref="ValidationError"/> or a nested map of them.</summary>
    public new IDictionary<string, object> Data { get; }

    public ApiException(int status, string message, IDictionary<string, object>? data = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
        Data = data ?? new Dictionary<string, object>();
    }

    public static ApiException BadRequest(string? message = null, IDictionary<string, object>? data = null)
        => new(400, message ?? "Something went wrong while processing your request.", data);

    public static ApiException Validation(ValidationErrors errors, string? message = null)
        => new(400, message ?? "Failed to process the request.", errors.ToData());

    public static ApiException Unauthorized(string? message = null)
        => new(401, message ?? "The request requires valid record authorization token.");

    public static ApiException Forbidden(string? message = null)
        => new(403, message ?? "You are not allowed to perform this request.");

    public static ApiException NotFound(string? message = null)
        => new(404, message ?? "The requested resource wasn't found.");

    public static ApiException TooManyRequests(string? message = null)
        => new((int)HttpStatusCode.TooManyRequests, message ?? "Too Many Requests.");

    public static ApiException TooLarge(string? message = null)
        => new((int)HttpStatusCode.RequestEntityTooLarge, message ?? "Request entity too large.");
}
