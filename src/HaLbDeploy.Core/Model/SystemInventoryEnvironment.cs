using System.Security.Cryptography;

namespace HaLbDeploy.Core.Model;

/// <summary>The real process environment and file system.</summary>
public sealed class SystemInventoryEnvironment : IInventoryEnvironment
{
    public static readonly SystemInventoryEnvironment Instance = new();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public LocalFileDigest? DigestFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return new LocalFileDigest(stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public string HomeDirectory => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
