using System.Security.Cryptography;
using System.Text;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class SettingsCipherTests
{
    public const string Key = "0123456789abcdef0123456789abcdef";
    public static readonly byte[] Nonce = Enumerable.Range(1, 12).Select(i => (byte)i).ToArray();
    public const string Plain = """{"meta":{"appName":"from_pocketbase"},"smtp":{"password":"pb-pass"}}""";

    /// <summary>
    /// <see cref="Plain"/> sealed with AES-256-GCM under <see cref="Key"/> and <see cref="Nonce"/> by an
    /// independent implementation (Python's cryptography AESGCM, whose output is ciphertext ‖ tag
    /// like Go's gcm.Seal), stored as PocketBase does: base64(nonce ‖ ciphertext ‖ tag).
    /// </summary>
    public const string KnownValue =
        "AQIDBAUGBwgJCgsMdcp8S1Sd3414s1u980SQCuHEOpbZ929ZQFSYazwLyillnSy+j8hfF7ILiGRv/nWNnP4z1mocRWl4RXa8ylOdNxiSF97Rmao1JWWQ+5lO0bMWqM2o";

    [Fact]
    public void Encrypting_with_a_given_nonce_gives_the_pocketbase_layout()
    {
        Assert.Equal(KnownValue, SettingsCipher.Encrypt(Encoding.UTF8.GetBytes(Plain), Key, Nonce));
    }

    [Fact]
    public void Decrypts_a_known_value()
    {
        Assert.Equal(Plain, Encoding.UTF8.GetString(SettingsCipher.Decrypt(KnownValue, Key)));
    }

    [Fact]
    public void Round_trips_with_a_random_nonce()
    {
        var data = Encoding.UTF8.GetBytes("""{"a":1}""");
        var first = SettingsCipher.Encrypt(data, Key);
        var second = SettingsCipher.Encrypt(data, Key);
        Assert.NotEqual(first, second);
        Assert.Equal(data, SettingsCipher.Decrypt(first, Key));
        Assert.Equal(12 + data.Length + 16, Convert.FromBase64String(first).Length);
    }

    [Fact]
    public void A_wrong_key_or_damaged_value_fails()
    {
        Assert.ThrowsAny<CryptographicException>(() => SettingsCipher.Decrypt(KnownValue, "ffffffffffffffffffffffffffffffff"));
        var damaged = Convert.FromBase64String(KnownValue);
        damaged[20] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => SettingsCipher.Decrypt(Convert.ToBase64String(damaged), Key));
        Assert.ThrowsAny<CryptographicException>(() => SettingsCipher.Decrypt("not base64 at all!", Key));
        Assert.ThrowsAny<CryptographicException>(() => SettingsCipher.Decrypt("AAAA", Key));
    }
}
