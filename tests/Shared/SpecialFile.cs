using System.Diagnostics;
using System.Net.Sockets;

namespace HaLbDeploy.Tests.Shared;

/// <summary>
/// Files a load must refuse without blocking or reading without end, made for tests: a FIFO, a symbolic link to
/// /dev/zero, a directory, a Unix socket and a sparse file of a given size.
/// </summary>
public static class SpecialFile
{
    /// <summary>.NET removes a socket's file when the socket is disposed, so the bound sockets stay open for the test run.</summary>
    private static readonly List<Socket> BoundSockets = [];

    public static readonly string[] Kinds = ["fifo", "zero-link", "directory", "socket", "huge-sparse"];

    /// <summary>Makes the <paramref name="kind"/> at <paramref name="path"/>; a huge-sparse file gets <paramref name="hugeBytes"/>.</summary>
    public static string Make(string path, string kind, long hugeBytes = 10L * 1024 * 1024 * 1024)
    {
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed");
                }
                break;
            case "zero-link":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "socket":
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Bind(new UnixDomainSocketEndPoint(path));
                lock (BoundSockets) BoundSockets.Add(socket);
                break;
            case "huge-sparse":
                using (var huge = File.Create(path)) huge.SetLength(hugeBytes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        return path;
    }
}
