using HaLbDeploy.Core.Ports;
using HaLbDeploy.Integration.Tests.Lab;

namespace HaLbDeploy.Integration.Tests.Ssh;

/// <summary>
/// The lab's secrets as "environment variables" for the connector, without touching the real process environment
/// (tests run in parallel).
/// </summary>
public sealed class LabSecretsEnvironment : IInventoryEnvironment
{
    public const string SudoPasswordVariable = "HALB_TEST_SUDO_PASSWORD";
    public const string LoginPasswordVariable = "HALB_TEST_SSH_PASSWORD";
    public const string KeyPassphraseVariable = "HALB_TEST_KEY_PASSPHRASE";

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal)
    {
        [SudoPasswordVariable] = LabFacts.ReadSecret(LabFacts.SudoPasswordFile),
        [LoginPasswordVariable] = LabFacts.ReadSecret(LabFacts.SudoPasswordFile),
        [KeyPassphraseVariable] = LabFacts.ReadSecret(LabFacts.KeyPassphraseFile),
    };

    public string HomeDirectory => "/nonexistent-home";

    public string? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public LocalFileRead ReadBytes(string path, int maxBytes) => LocalFileRead.Missing();

    public string FullPath(string path) => path;

    public LocalFileDigest DigestFile(string path, long maxBytes) => LocalFileDigest.Failed(LocalFileRead.Missing());
}
