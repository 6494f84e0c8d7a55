using Satchel.Tests.Auth;

namespace Satchel.Tests.Records;

/// <summary>Tokens and ids of the PocketBase fixture the records tests use.</summary>
public static class Fixture
{
    /// <summary>_superusers test@example.com.</summary>
    public const string Superuser = FixtureAuth.SuperuserToken;

    /// <summary>users test@example.com (4q1xlclmfloku33).</summary>
    public const string User = FixtureAuth.UserToken;
    public const string UserId = FixtureAuth.UserId;

    /// <summary>clients test@example.com (gk390qegs4y47wn).</summary>
    public const string Client = FixtureAuth.ClientToken;

    public const string Records = "/api/collections/{0}/records";

    public static string List(string collection, string query = "") => string.Format(Records, collection) + (query == "" ? "" : "?" + query);

    public static string One(string collection, string id, string query = "") => string.Format(Records, collection) + "/" + id + (query == "" ? "" : "?" + query);
}
