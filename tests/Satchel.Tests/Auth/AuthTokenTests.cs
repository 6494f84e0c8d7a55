using Dapper;
using Satchel.Auth;

namespace Satchel.Tests.Auth;

/// <summary>Auth tokens: PocketBase's claims, HS256 over tokenKey + secret, and which tokens still count.</summary>
public class AuthTokenTests : IClassFixture<FixtureApp>
{
    private readonly FixtureApp _fixture;

    public AuthTokenTests(FixtureApp fixture) => _fixture = fixture;

    [Fact]
    public void Auth_token_has_pocketbase_claims_and_header()
    {
        var user = _fixture.App.FindRecordById("users", FixtureAuth.UserId)!;
        var token = _fixture.App.Tokens.NewAuthToken(user);

        var claims = Jwt.Claims(token);
        Assert.Equal(FixtureAuth.UserId, claims["id"]!.GetValue<string>());
        Assert.Equal("auth", claims["type"]!.GetValue<string>());
        Assert.Equal(FixtureAuth.UsersCollectionId, claims["collectionId"]!.GetValue<string>());
        Assert.True(claims["refreshable"]!.GetValue<bool>());
        Assert.Equal("HS256", Jwt.Header(token)["alg"]!.GetValue<string>());
        // the users collection's authToken.duration is 1209600 s
        Assert.InRange(Jwt.SecondsLeft(token), 1209600 - 30, 1209600 + 1);
    }

    [Fact]
    public void Signature_uses_token_key_followed_by_the_collection_secret()
    {
        var user = _fixture.App.FindRecordById("users", FixtureAuth.UserId)!;
        var token = _fixture.App.Tokens.NewAuthToken(user);

        Assert.True(Jwt.HasValidSignature(token, FixtureAuth.SigningKey(_fixture.DataDir, "users", FixtureAuth.UserId)));
        Assert.False(Jwt.HasValidSignature(token, FixtureAuth.SigningKey(_fixture.DataDir, "users", "oap640cot4yru2s")));
    }

    [Fact]
    public void Non_refreshable_token_with_custom_duration()
    {
        var user = _fixture.App.FindRecordById("users", FixtureAuth.UserId)!;
        var token = _fixture.App.Tokens.NewAuthToken(user, TimeSpan.FromSeconds(100), refreshable: false);

        Assert.False(Jwt.Claims(token)["refreshable"]!.GetValue<bool>());
        Assert.InRange(Jwt.SecondsLeft(token), 90, 101);
    }

    [Fact]
    public void Zero_duration_falls_back_to_the_collection_duration()
    {
        var user = _fixture.App.FindRecordById("users", FixtureAuth.UserId)!;
        var token = _fixture.App.Tokens.NewAuthToken(user, TimeSpan.Zero, refreshable: false);

        Assert.InRange(Jwt.SecondsLeft(token), 1209600 - 30, 1209600 + 1);
        Assert.NotNull(_fixture.App.Tokens.FindRecordByToken(token, TokenTypes.Auth));
    }

    [Fact]
    public void Every_unexpired_auth_token_of_the_scenarios_validates_to_its_record()
    {
        var checkedTokens = 0;
        foreach (var token in FixtureAuth.ScenarioTokens())
        {
            var claims = Jwt.Claims(token);
            var live = claims["type"]!.GetValue<string>() == "auth" && Jwt.SecondsLeft(token) > 0;
            var record = _fixture.App.Tokens.FindRecordByToken(token, TokenTypes.Auth);
            if (live)
            {
                Assert.NotNull(record);
                Assert.Equal(claims["id"]!.GetValue<string>(), record!.Id);
                Assert.Equal(claims["collectionId"]!.GetValue<string>(), record.Collection.Id);
                checkedTokens++;
            }
            else
            {
                Assert.Null(record); // expired, or a file token used as an auth token
            }
        }
        Assert.True(checkedTokens >= 7, $"only {checkedTokens} live tokens found");
    }

    [Fact]
    public void Changing_the_token_key_voids_earlier_tokens()
    {
        using var fixture = new FixtureApp();
        var user = fixture.App.FindRecordById("users", FixtureAuth.UserId)!;
        var token = fixture.App.Tokens.NewAuthToken(user);
        Assert.NotNull(fixture.App.Tokens.FindRecordByToken(token, TokenTypes.Auth));
        Assert.NotNull(fixture.App.Tokens.FindRecordByToken(FixtureAuth.UserToken, TokenTypes.Auth));

        fixture.App.Db.Write((c, tx) => c.Execute("UPDATE users SET tokenKey = 'changed-key-value-0123456789' WHERE id = @id", new { id = FixtureAuth.UserId }, tx));

        Assert.Null(fixture.App.Tokens.FindRecordByToken(token, TokenTypes.Auth));
        Assert.Null(fixture.App.Tokens.FindRecordByToken(FixtureAuth.UserToken, TokenTypes.Auth));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var parts = FixtureAuth.UserToken.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + FixtureAuth.ClientToken.Split('.')[2];
        Assert.Null(_fixture.App.Tokens.FindRecordByToken(forged, TokenTypes.Auth));
    }
}
