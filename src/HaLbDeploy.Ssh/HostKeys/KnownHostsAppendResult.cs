namespace HaLbDeploy.Ssh.HostKeys;

/// <summary>What <see cref="KnownHostsRecorder.Append"/> found once it held the file's lock.</summary>
public enum KnownHostsAppendResult
{
    /// <summary>The line was appended.</summary>
    Appended,

    /// <summary>The file already trusts this key for the host (another run recorded it meanwhile); nothing written.</summary>
    AlreadyRecorded,

    /// <summary>The file now holds a different key of the same type for the host (another run recorded it meanwhile); nothing written.</summary>
    ConflictingKey,
}
