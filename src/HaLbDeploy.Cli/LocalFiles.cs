namespace HaLbDeploy.Cli;

/// <summary>Writes local files with their final mode set before any content lands (keepalived.conf holds the VRRP secret).</summary>
public static class LocalFiles
{
    public static void WriteWithMode(string path, string content, string octalMode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }
        var mode = (UnixFileMode)Convert.ToInt32(octalMode, 8);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = mode };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        File.SetUnixFileMode(path, mode); // an existing file keeps its old mode on FileMode.Create
    }
}
