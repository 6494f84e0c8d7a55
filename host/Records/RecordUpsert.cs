using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// A create or update of one record from submitted data, with PocketBase's rules for the auth
/// fields: a new auth record needs password + matching passwordConfirm; changing a password needs
/// the oldPassword unless the requester can manage the record; email (on update) and verified may
/// only be changed by a manager or a superuser. Those checks run before the record's own
/// validation and, when they fail, instead of it.
/// </summary>
public sealed class RecordUpsert(IApp app, Record record)
{
    private enum Access { Default, Manager, Superuser }

    private Access _access = Access.Default;
    private string _password = "";
    private string _passwordConfirm = "";
    private string _oldPassword = "";

    public Record Record { get; set; } = record;

    public bool HasManageAccess => _access is Access.Manager or Access.Superuser;

    public void GrantManagerAccess()
    {
        if (_access == Access.Default) _access = Access.Manager;
    }

    public void GrantSuperuserAccess() => _access = Access.Superuser;

    /// <summary>Sets the record's fields from resolved data (see <see cref="RecordRequestData"/>); keys that are no field are ignored.</summary>
    public void Load(IReadOnlyDictionary<string, object?> data)
    {
        var isAuth = Record.Collection.IsAuth;
        if (isAuth)
        {
            if (data.TryGetValue(SystemFields.PasswordName, out var password)) _password = Text(password);
            if (data.TryGetValue("passwordConfirm", out var confirm)) _passwordConfirm = Text(confirm);
            if (data.TryGetValue("oldPassword", out var old)) _oldPassword = Text(old);
        }

        foreach (var (key, value) in data)
        {
            if (Record.Collection.Fields.ByName(key) is not { } field) continue;
            if (field is AutodateField || field.Name == SystemFields.TokenKeyName) continue;
            // hidden values come only from superusers (and the auth password from anyone)
            if (field.Hidden && _access != Access.Superuser && !(isAuth && field.Name == SystemFields.PasswordName)) continue;
            Record.Set(field.Name, value);
        }
    }

    /// <summary>Checks the auth fields, then saves the record (its validation and hooks included) together with its uploads.</summary>
    public void Submit(RecordFileUploads? uploads = null)
    {
        var errors = ValidateAuthFields();
        uploads?.Validate(errors);
        errors.ThrowIfAny(Record.IsNew ? "Failed to create record." : "Failed to update record.");

        app.RunInTransaction(() =>
        {
            app.SaveRecord(Record);
            uploads?.Persist(app);
        });
    }

    private ValidationErrors ValidateAuthFields()
    {
        var errors = new ValidationErrors();
        if (!Record.Collection.IsAuth) return errors;

        var isNew = Record.IsNew;
        // A password set on the record by other means (a hook, a generated one) is not the form's to check.
        var current = Record.Get(SystemFields.PasswordName) as PasswordValue ?? new PasswordValue();
        var checkPasswords = !((current.Plain != "" && current.Plain != _password) || (current.Plain == "" && current.Hash != "" && isNew));

        var originalEmail = isNew ? "" : Record.Original(SystemFields.EmailName) as string ?? "";
        if (!isNew && !HasManageAccess && Record.GetString(SystemFields.EmailName) != originalEmail)
            errors.Add(SystemFields.EmailName, FieldErrors.ValuesMismatch());

        var originalVerified = !isNew && Record.Original(SystemFields.VerifiedName) is true;
        if (!HasManageAccess && Record.GetBool(SystemFields.VerifiedName) != originalVerified)
            errors.Add(SystemFields.VerifiedName, FieldErrors.ValuesMismatch());

        if (!checkPasswords) return errors;

        if ((isNew || _passwordConfirm != "" || _oldPassword != "") && _password == "")
            errors.Add(SystemFields.PasswordName, FieldErrors.Required());

        if ((isNew || _password != "" || _oldPassword != "") && _passwordConfirm == "")
            errors.Add("passwordConfirm", FieldErrors.Required());
        else if (_passwordConfirm != _password)
            errors.Add("passwordConfirm", FieldErrors.ValuesMismatch());

        if (!isNew && !HasManageAccess && (_password != "" || _passwordConfirm != ""))
        {
            if (_oldPassword == "") errors.Add("oldPassword", FieldErrors.Required());
            else if (!MatchesSavedPassword(_oldPassword))
                errors.Add("oldPassword", "validation_invalid_old_password", "Missing or invalid old password.");
        }
        return errors;
    }

    private bool MatchesSavedPassword(string plain)
    {
        var hash = (Record.Original(SystemFields.PasswordName) as PasswordValue)?.Hash ?? "";
        if (hash == "") return false;
        try { return BCrypt.Net.BCrypt.Verify(plain, hash); }
        catch (BCrypt.Net.SaltParseException) { return false; }
    }

    private static string Text(object? value) => RawValue.ToText(value);
}
