using Satchel.Errors;

namespace Satchel.Collections;

/// <summary>A collection failed validation; <see cref="Errors"/> holds the per-setting errors.</summary>
public sealed class CollectionValidationException(ValidationErrors errors)
    : ApiException(400, "Failed to validate the collection.", errors.ToData())
{
    public ValidationErrors Errors { get; } = errors;
}
