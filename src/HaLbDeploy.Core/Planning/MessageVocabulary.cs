namespace HaLbDeploy.Core.Planning;

/// <summary>
/// The words of the messages <see cref="SecretMasker.Mask"/> is given besides configurations: what keepalived -t,
/// haproxy -c, sh, coreutils, sudo, SSH and .NET say when staging or a step fails. A secret that is one of them (or
/// part of one) is not replaced in such text, since "sudo: a ******** is required" names it. Not complete, and it
/// need not be: it only has to hold the words those messages are made of.
/// </summary>
internal static class MessageVocabulary
{
    public const string Text =
        "keepalived haproxy systemctl journalctl sudo root sh bash base64 install chown chmod mv cp rm sed mkdir " +
        "error warning alert notice info debug fatal WARNING ALERT NOTICE " +
        "configuration config file files line Line keyword Unknown unknown section parsing parse invalid input " +
        "default user script execution does not exist regular non-executable executable insecure security " +
        "global defaults frontend backend listen server bind mode tcp http timeout timed out waiting for " +
        "cannot create directory No such file or No space left on device Permission denied Operation not permitted " +
        "Read-only file system Is a directory Not a directory command not found exit status code failed failure " +
        "password is required a terminal to read the authentication incorrect attempts try again " +
        "connection refused reset closed aborted lost by peer remote host unreachable network key passphrase " +
        "the of to in on at by from with was were has have had an and or no nothing replaced any node nodes " +
        "staged staging validation rejected new old previous restored restarted services did come up " +
        "Truncating auth_pass auth_type PASS characters truncated too long short missing empty value values " +
        "Loading success Fatal errors found in configuration Configuration file is valid ";
}
