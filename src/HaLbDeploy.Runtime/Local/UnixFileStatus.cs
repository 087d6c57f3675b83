namespace HaLbDeploy.Runtime.Local;

/// <summary>What stat(2) tells about a file: its type and size.</summary>
internal readonly record struct UnixFileStatus(UnixFileType Type, long Size)
{
    /// <summary>What a file of this type is, for a message such as "the file is a FIFO (named pipe)".</summary>
    public string Describe() => Type switch
    {
        UnixFileType.Fifo => "a FIFO (named pipe)",
        UnixFileType.CharacterDevice => "a character device",
        UnixFileType.BlockDevice => "a block device",
        UnixFileType.Directory => "a directory",
        UnixFileType.Socket => "a socket",
        UnixFileType.Regular => "a regular file",
        _ => "not a regular file",
    };
}
