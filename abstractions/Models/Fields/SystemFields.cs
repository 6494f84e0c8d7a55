namespace Satchel.Models.Fields;

/// <summary>
/// The fields PocketBase gives every collection (the "id" primary key), auth collections (password,
/// tokenKey, email, emailVisibility, verified) and its system collections (created/updated), with
/// PocketBase's settings and derived ids.
/// </summary>
public static class SystemFields
{
    public const string IdName = "id";
    public const string PasswordName = "password";
    public const string TokenKeyName = "tokenKey";
    public const string EmailName = "email";
    public const string EmailVisibilityName = "emailVisibility";
    public const string VerifiedName = "verified";
    public const string CreatedName = "created";
    public const string UpdatedName = "updated";

    /// <summary>The text primary key: 15 random lowercase letters and digits.</summary>
    public static TextField Id() => WithId(new TextField
    {
        Name = IdName,
        System = true,
        PrimaryKey = true,
        Required = true,
        Min = 15,
        Max = 15,
        Pattern = TextField.DefaultIdPattern,
        AutogeneratePattern = "[a-z0-9]{15}",
    });

    /// <summary>The "created" date, set on insert.</summary>
    public static AutodateField Created(bool system = false) =>
        WithId(new AutodateField { Name = CreatedName, System = system, OnCreate = true });

    /// <summary>The "updated" date, set on insert and update.</summary>
    public static AutodateField Updated(bool system = false) =>
        WithId(new AutodateField { Name = UpdatedName, System = system, OnCreate = true, OnUpdate = true });

    public static PasswordField Password() =>
        WithId(new PasswordField { Name = PasswordName, System = true, Hidden = true, Required = true, Min = 8 });

    /// <summary>The per-record secret mixed into auth tokens; changing it invalidates them.</summary>
    public static TextField TokenKey() => WithId(new TextField
    {
        Name = TokenKeyName,
        System = true,
        Hidden = true,
        Required = true,
        Min = 30,
        Max = 60,
        AutogeneratePattern = "[a-zA-Z0-9]{50}",
    });

    public static EmailField Email() => WithId(new EmailField { Name = EmailName, System = true, Required = true });

    public static BoolField EmailVisibility() => WithId(new BoolField { Name = EmailVisibilityName, System = true });

    public static BoolField Verified() => WithId(new BoolField { Name = VerifiedName, System = true });

    /// <summary>The auth fields after "id", in PocketBase's order.</summary>
    public static IEnumerable<Field> AuthFields() => [Password(), TokenKey(), Email(), EmailVisibility(), Verified()];

    /// <summary>
    /// Adds the system fields a collection of its type must have (view collections get none: their
    /// fields come from the query) and re-applies the flags PocketBase enforces on existing ones.
    /// The id field goes first; missing auth fields are appended.
    /// </summary>
    public static void EnsureDefaults(Collection collection)
    {
        if (collection.IsView) return;

        if (collection.Fields.ByName(IdName) is TextField id)
        {
            id.System = true;
            id.Required = true;
            id.PrimaryKey = true;
            id.Hidden = false;
            if (id.Pattern == "") id.Pattern = TextField.DefaultIdPattern;
        }
        else
        {
            collection.Fields.Insert(0, Id());
        }

        if (!collection.IsAuth) return;

        if (collection.Fields.ByName(PasswordName) is PasswordField password)
        {
            password.System = true;
            password.Hidden = true;
            password.Required = true;
        }
        else Replace(collection, Password());

        if (collection.Fields.ByName(TokenKeyName) is TextField tokenKey)
        {
            tokenKey.System = true;
            tokenKey.Hidden = true;
            tokenKey.Required = true;
        }
        else Replace(collection, TokenKey());

        if (collection.Fields.ByName(EmailName) is EmailField email)
        {
            email.System = true;
            email.Hidden = false; // visibility is governed per record by emailVisibility
        }
        else Replace(collection, Email());

        if (collection.Fields.ByName(EmailVisibilityName) is BoolField emailVisibility) emailVisibility.System = true;
        else Replace(collection, EmailVisibility());

        if (collection.Fields.ByName(VerifiedName) is BoolField verified) verified.System = true;
        else Replace(collection, Verified());
    }

    /// <summary>Adds the field, taking the place and id of a same-named field of another type.</summary>
    private static void Replace(Collection collection, Field field)
    {
        if (collection.Fields.ByName(field.Name) is { } existing) field.Id = existing.Id;
        collection.Fields.Add(field);
    }

    private static T WithId<T>(T field) where T : Field
    {
        field.EnsureId();
        return field;
    }
}
