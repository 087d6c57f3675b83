using System.CommandLine;
using HaLbDeploy.Cli.Output;

namespace HaLbDeploy.Cli.Commands;

/// <summary>Options several commands share; each call makes a fresh instance for one command.</summary>
public static class SharedOptions
{
    public static Option<FileInfo> Inventory() => new("--inventory", "-i")
    {
        Required = true,
        Description = "The inventory YAML file describing the LB nodes, the VIP and the API servers.",
    };

    public static Option<string?> SshConfig() => new("--ssh-config")
    {
        Description = "The ssh_config file to read node settings from (Host blocks: HostName, User, Port, IdentityFile, ...; the inventory wins), or `none`. Default: the inventory's ssh.config, else ~/.ssh/config.",
    };

    public static Option<OutputFormat> Output() => new("--output", "-o")
    {
        DefaultValueFactory = _ => OutputFormat.Text,
        Description = "text for people, json for machines.",
    };

    public static Option<DirectoryInfo?> Templates() => new("--templates")
    {
        Description = "A directory of template overrides (same file names as playbooks/templates); missing ones fall back to the built-in templates.",
    };

    public static Option<string?> ProbeFrom() => new("--probe-from")
    {
        Description = "Probe the VIP from this host instead of from here: an LB node's name, or a host [user@]host[:port] such as the bastion. " +
            "Each probe's TCP connection is forwarded over SSH and opened by that host; the report says where probes came from.",
    };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Log every step and command to stderr (secrets are redacted).",
    };

    public static Option<FileInfo?> LogFile() => new("--log-file")
    {
        Description = "Also write a detailed log (every command run and its exit code, secrets redacted) to this file.",
    };

    public static Option<bool> AcceptNewHostKeys() => new("--accept-new-host-keys")
    {
        Description = "Accept and record host keys of nodes not yet in known_hosts. A changed key is always refused.",
    };
}
