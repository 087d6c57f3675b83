using System.Text;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Validation;

namespace HaLbDeploy.Core.Model;

/// <summary>
/// Reads `vrrp.auth`: exactly one of `secret_env`, `secret_file` or `secret`. No problem shows anything written in this
/// section (values, keys, the variable or the path it names): a secret written under the wrong key, or as the
/// section itself, would otherwise be printed.
/// </summary>
internal sealed class VrrpAuthParser(ProblemCollector problems, IInventoryEnvironment environment, LocalPathResolver paths, bool allowPlaceholder = false)
{
    /// <summary>
    /// What validate and render put in place of a secret whose environment variable is not set. It reaches no node:
    /// only those two commands, which connect to nothing, load an inventory that allows it.
    /// </summary>
    public const string PlaceholderValue = "(unset)";

    /// <summary>keepalived reads 8 characters; a line break or two may follow. Anything much larger is not a secret file.</summary>
    public const int MaxSecretFileBytes = 4096;

    public Secret? Parse(YamlSection? auth)
    {
        if (auth is null) return null;
        var fromEnv = auth.String("secret_env");
        var fromFile = auth.String("secret_file");
        var plain = auth.String("secret");
        auth.RejectUnknownKeys();
        var given = new[] { fromEnv, fromFile, plain }.Count(v => v is not null);
        if (given != 1)
        {
            problems.Error("auth-source", auth.Path, given == 0 ? "names no secret" : "names more than one secret source",
                "give exactly one of `secret_env: VARIABLE`, `secret_file: PATH` or `secret: VALUE`");
            return null;
        }
        if (fromEnv is not null) return FromEnvironment(auth.FieldPath("secret_env"), fromEnv);
        if (fromFile is not null) return FromFile(auth.FieldPath("secret_file"), fromFile);
        problems.Warning("plaintext-secret", auth.FieldPath("secret"), "the VRRP secret is written in the inventory in plain text",
            "move it to an environment variable (`secret_env:`) or a file readable only by you (`secret_file:`)");
        return new Secret(plain!, "inventory");
    }

    private Secret? FromEnvironment(string field, string name)
    {
        if (!InventoryPatterns.EnvironmentVariableName().IsMatch(name))
            return Refuse(field, "bad-value", "is not an environment variable name", "name the variable that holds the secret, e.g. `secret_env: HALB_VRRP_SECRET` (letters, digits and _)");
        var value = environment.GetVariable(name);
        if (string.IsNullOrEmpty(value) && allowPlaceholder)
        {
            problems.Warning("secret-not-set", field, $"the environment variable named here is not set: checked and rendered with the placeholder {PlaceholderValue} as the VRRP secret",
                "export the variable before plan or apply, which refuse to run without it");
            return new Secret(PlaceholderValue, $"env {name} (not set: placeholder)");
        }
        if (string.IsNullOrEmpty(value))
            return Refuse(field, "bad-value", "the environment variable named here is not set", "export the variable named here, holding the secret (up to 8 characters), before running");
        return new Secret(value, $"env {name}");
    }

    private Secret? FromFile(string field, string written)
    {
        if (!paths.TryResolve(written, out var path))
            return Refuse(field, "bad-path", "the path holds a control character (a line break?)", "write the path of the file that holds the secret on one line");
        var read = environment.ReadBytes(path, MaxSecretFileBytes);
        switch (read.Status)
        {
            case LocalFileReadStatus.Missing:
                return Refuse(field, "bad-value", "cannot read the file named here: there is no such file", "create the file with the secret (up to 8 characters) or fix the path");
            case LocalFileReadStatus.Unreadable:
                return Refuse(field, "bad-value", $"cannot read the file named here: {read.Reason}", "check the file's permissions, or fix the path");
            case LocalFileReadStatus.NotARegularFile:
                return Refuse(field, "not-a-regular-file", $"the file named here is {read.Reason}, not a regular file, so it is not read", "write the secret into a regular file and name that file");
            case LocalFileReadStatus.TooLarge:
                return Refuse(field, "file-too-large", $"the file named here has {read.Length} bytes; a secret file holds at most {MaxSecretFileBytes}", "name the file that holds only the secret (up to 8 characters)");
        }
        var value = Encoding.UTF8.GetString(read.Bytes).TrimStart('\uFEFF').TrimEnd('\r', '\n');
        if (value.Length == 0)
            return Refuse(field, "bad-value", "the file named here is empty", "write the secret (up to 8 characters) into the file");
        return new Secret(value, $"file {path}");
    }

    private Secret? Refuse(string field, string code, string message, string fix)
    {
        problems.Error(code, field, message, fix);
        return null;
    }
}
