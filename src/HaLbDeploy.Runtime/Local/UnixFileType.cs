namespace HaLbDeploy.Runtime.Local;

/// <summary>The S_IFMT bits of a file's mode.</summary>
internal enum UnixFileType
{
    Unknown = 0,
    Fifo = 0x1000,
    CharacterDevice = 0x2000,
    Directory = 0x4000,
    BlockDevice = 0x6000,
    Regular = 0x8000,
    SymbolicLink = 0xA000,
    Socket = 0xC000,
}
