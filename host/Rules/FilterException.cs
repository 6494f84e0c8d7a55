using Satchel.Errors;

namespace Satchel.Rules;

/// <summary>
/// A filter, sort or rule expression that cannot be parsed or compiled. It is an
/// <see cref="ApiException"/> with status 400, so an endpoint that lets it through answers a
/// PocketBase style bad request instead of a 500.
/// </summary>
public sealed class FilterException : ApiException
{
    public FilterException(string message, int? position = null)
        : base(400, position is { } p ? $"Invalid filter: {message} (at position {p})." : $"Invalid filter: {message}.")
    {
        Detail = message;
        Position = position;
    }

    /// <summary>The problem without the "Invalid filter" framing.</summary>
    public string Detail { get; }

    /// <summary>Zero based character offset in the expression, when known.</summary>
    public int? Position { get; }
}
