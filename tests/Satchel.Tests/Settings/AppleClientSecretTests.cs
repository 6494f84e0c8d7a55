using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class AppleClientSecretTests
{
    private static string? Code(AppleClientSecret form, string key)
        => form.Validate().Items.TryGetValue(key, out var v) ? (v as Satchel.Errors.ValidationError)?.Code : null;

    [Fact]
    public void Empty_form_requires_every_field()
    {
        var form = new AppleClientSecret();
        foreach (var key in new[] { "clientId", "teamId", "keyId", "privateKey", "duration" })
            Assert.Equal("validation_required", Code(form, key));
    }

    [Fact]
    public void Field_formats_and_limits()
    {
        var form = new AppleClientSecret { ClientId = "c", TeamId = "short", KeyId = "waytoolongkeyid", PrivateKey = "not pem", Duration = AppleClientSecret.MaxDuration + 1 };
        Assert.Equal("validation_length_invalid", Code(form, "teamId"));
        Assert.Equal("validation_length_invalid", Code(form, "keyId"));
        Assert.Equal("validation_match_invalid", Code(form, "privateKey"));
        Assert.Equal("validation_max_less_equal_than_required", Code(form, "duration"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(new AppleClientSecret { Duration = -1 }, "duration"));
    }

    [Fact]
    public async Task Creates_an_es256_jwt_verifiable_with_the_public_key()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var form = new AppleClientSecret
        {
            ClientId = "com.example.app",
            TeamId = "TEAM123456",
            KeyId = "KEY1234567",
            PrivateKey = ec.ExportPkcs8PrivateKeyPem(),
            Duration = 3600,
        };
        Assert.True(form.Validate().IsEmpty);

        var now = DateTimeOffset.UtcNow;
        var secret = form.Create(now);

        using var pub = ECDsa.Create(ec.ExportParameters(false));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(secret, new TokenValidationParameters
        {
            ValidIssuer = "TEAM123456",
            ValidAudience = AppleClientSecret.Audience,
            IssuerSigningKey = new ECDsaSecurityKey(pub),
            ValidAlgorithms = new[] { SecurityAlgorithms.EcdsaSha256 },
        });
        Assert.True(result.IsValid, result.Exception?.Message);

        var jwt = new JsonWebToken(secret);
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal("KEY1234567", jwt.Kid);
        Assert.Equal("com.example.app", jwt.Subject);
        Assert.Equal(now.ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
        Assert.Equal(now.ToUnixTimeSeconds() + 3600, jwt.GetPayloadValue<long>("exp"));
        Assert.False(jwt.TryGetPayloadValue<long>("nbf", out _));
    }

    [Fact]
    public void A_key_that_is_not_an_ec_key_fails_cleanly()
    {
        using var rsa = RSA.Create(2048);
        var form = new AppleClientSecret { ClientId = "c", TeamId = "TEAM123456", KeyId = "KEY1234567", PrivateKey = rsa.ExportPkcs8PrivateKeyPem(), Duration = 60 };
        Assert.True(form.Validate().IsEmpty);
        Assert.ThrowsAny<CryptographicException>(() => form.Create(DateTimeOffset.UtcNow));
    }
}
