using System.Security.Cryptography;
using HaLbDeploy.Core.Ports;

namespace HaLbDeploy.Runtime.Local;

/// <summary>The real process environment and file system.</summary>
public sealed class SystemInventoryEnvironment : IInventoryEnvironment
{
    public static readonly SystemInventoryEnvironment Instance = new();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public LocalFileRead ReadBytes(string path, int maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return LocalFileRead.Missing();
            if (info.Length > maxBytes) return LocalFileRead.TooLarge(info.Length);
            return LocalFileRead.Read(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LocalFileRead.Unreadable(e.Message);
        }
    }

    public string FullPath(string path) => Path.GetFullPath(path);

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
