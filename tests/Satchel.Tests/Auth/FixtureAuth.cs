using System.Text.Json.Nodes;
using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>
/// Records and tokens of the PocketBase fixture used by the auth tests. The tokens are the ones
/// PocketBase's own API tests send (scenarios.json); they expire in 2050.
/// </summary>
public static class FixtureAuth
{
    public const string Password = "1234567890";

    public const string SuperuserId = "sywbhecnh46rhm0";
    public const string SuperusersCollectionId = "pbc_3142635823";
    public const string UserId = "4q1xlclmfloku33";
    public const string UsersCollectionId = "_pb_users_auth_";
    public const string ClientId = "gk390qegs4y47wn";
    public const string UnverifiedClientId = "o1y0dd0spd786md";
    public const string ClientsCollectionId = "v851q4r790rhknl";

    public const string SuperuserToken = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoicGJjXzMxNDI2MzU4MjMiLCJleHAiOjI1MjQ2MDQ0NjEsInJlZnJlc2hhYmxlIjp0cnVlfQ.UXgO3j-0BumcugrFjbd7j0M4MQvbrLggLlcu_YNGjoY";
    public const string UserToken = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo";
    public const string UserStaticToken = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6ZmFsc2V9.4IsO6YMsR19crhwl_YWzvRH8pfq2Ri4Gv2dzGyneLak";
    public const string ClientToken = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6ImdrMzkwcWVnczR5NDd3biIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoidjg1MXE0cjc5MHJoa25sIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.0ONnm_BsvPRZyDNT31GN1CKUB6uQRxvVvQ-Wc9AZfG0";
    public const string UnverifiedClientToken = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6Im8xeTBkZDBzcGQ3ODZtZCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoidjg1MXE0cjc5MHJoa25sIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.Zi0yXE-CNmnbTdVaQEzYZVuECqRdn3LgEM6pmB3XWBE";

    public static string ScenariosFile { get; } = Path.GetFullPath(Path.Combine(RepoPaths.FixtureDataDir, "..", "scenarios.json"));

    /// <summary>Every distinct Authorization header value the scenarios send.</summary>
    public static IReadOnlyList<string> ScenarioTokens()
    {
        var scenarios = JsonNode.Parse(File.ReadAllText(ScenariosFile))!.AsArray();
        return scenarios.Select(s => s?["headers"]?["Authorization"]?.GetValue<string>())
            .OfType<string>().Distinct().ToList();
    }

    /// <summary>The key an auth token of this record is signed with: its tokenKey followed by the collection's authToken secret.</summary>
    public static string SigningKey(string dataDir, string collectionName, string recordId) => DataDb.Query(dataDir, c =>
    {
        var tokenKey = c.ExecuteScalar<string>($"SELECT tokenKey FROM \"{collectionName}\" WHERE id = @recordId", new { recordId });
        var options = JsonNode.Parse(c.ExecuteScalar<string>("SELECT options FROM _collections WHERE name = @collectionName", new { collectionName })!)!;
        return tokenKey + options["authToken"]!["secret"]!.GetValue<string>();
    });
}
