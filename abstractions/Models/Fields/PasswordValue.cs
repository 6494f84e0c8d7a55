namespace Satchel.Models.Fields;

/// <summary>
/// The value of a password field: the stored bcrypt <see cref="Hash"/> and, when the password was
/// just set from input, the <see cref="Plain"/> text (not yet hashed: the record engine hashes it
/// with the field's cost before saving and validates the plain text against min/max/pattern).
/// A value loaded from the database has only the hash.
/// </summary>
public sealed record PasswordValue(string Hash = "", string Plain = "")
{
    /// <summary>True when there is neither a hash nor a new plain password.</summary>
    public bool IsEmpty => Hash == "" && Plain == "";

    /// <summary>Never prints the password or its hash.</summary>
    public override string ToString() => "";
}
