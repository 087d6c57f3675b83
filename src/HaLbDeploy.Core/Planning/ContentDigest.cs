using System.Security.Cryptography;
using System.Text;

namespace HaLbDeploy.Core.Planning;

/// <summary>The sha256 of a file's UTF-8 content, lower-case hex, as `sha256sum` prints it on a node.</summary>
public static class ContentDigest
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
