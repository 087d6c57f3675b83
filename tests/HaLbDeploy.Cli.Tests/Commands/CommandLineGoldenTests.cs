using HaLbDeploy.Cli.Tests.TestSupport;

namespace HaLbDeploy.Cli.Tests.Commands;

/// <summary>
/// Whole command runs that touch no host (help, validate, render, and the command lines refused before connecting):
/// the exit code, stdout and stderr pinned byte for byte in Output/golden. Paths that change from run to run are
/// replaced by {inventory}, {out} and {templates}.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CommandLineGoldenTests
{
    public static TheoryData<string> Commands() => ["validate", "render", "plan", "apply", "verify", "status", "failover-test", "drain", "undrain"];

    [Fact]
    public async Task The_root_help_lists_the_commands_and_the_exit_codes() =>
        Golden.AssertMatches("help.txt", await Run("--help"));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_has_its_own_help(string command) =>
        Golden.AssertMatches($"help-{command}.txt", await Run(command, "--help"));

    [Fact]
    public async Task Validate_says_what_a_valid_inventory_holds() =>
        Golden.AssertMatches("validate-valid.txt", await Run("validate", "-i", CliRunner.ExampleWith()));

    [Fact]
    public async Task Validate_as_json_says_what_a_valid_inventory_holds() =>
        Golden.AssertMatches("validate-valid.json.txt", await Run("validate", "-i", CliRunner.ExampleWith(), "-o", "json"));

    [Fact]
    public async Task Validate_prints_each_error_and_warning_with_its_position_on_stderr() =>
        Golden.AssertMatches("validate-invalid.txt", await Run("validate", "-i", InvalidInventory()));

    [Fact]
    public async Task Validate_as_json_lists_each_error_and_warning_with_its_position() =>
        Golden.AssertMatches("validate-invalid.json.txt", await Run("validate", "-i", InvalidInventory(), "-o", "json"));

    [Fact]
    public async Task Render_prints_one_line_per_file_written() =>
        Golden.AssertMatches("render.txt", await RunRender());

    [Fact]
    public async Task Render_as_json_lists_every_file_written_with_its_mode_and_digest_except_the_digest_of_a_file_with_the_secret() =>
        Golden.AssertMatches("render.json.txt", await RunRender("-o", "json"));

    [Fact]
    public async Task Render_with_a_broken_template_names_it_and_exits_2() =>
        await WithDirectories(async (templates, outDir) =>
        {
            File.WriteAllText(Path.Combine(templates, "haproxy.cfg.liquid"), "global\n{% if %}\n");
            Golden.AssertMatches("render-broken-template.txt", await Run("render", "-i", CliRunner.ExampleWith(), "--out", outDir, "--templates", templates));
        });

    [Theory]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("verify")]
    [InlineData("status")]
    public async Task An_invalid_inventory_is_refused_before_connecting_with_exit_2(string command) =>
        Golden.AssertMatches($"{command}-invalid-inventory.txt", await Run(command, "-i", InvalidInventory()));

    [Fact]
    public async Task Failover_test_with_an_invalid_inventory_is_refused_before_connecting_with_exit_2() =>
        Golden.AssertMatches("failover-test-invalid-inventory.txt", await Run("failover-test", "-i", InvalidInventory(), "--node", "lb1"));

    [Theory]
    [InlineData("verify-count-without-watch", "verify", "--count", "0")]
    [InlineData("verify-interval-too-short", "verify", "--watch", "--interval", "50ms")]
    [InlineData("verify-interval-without-watch", "verify", "--interval", "5s")]
    [InlineData("failover-test-link-down-without-hooks", "failover-test", "--node", "lb1", "--mode", "link-down")]
    [InlineData("failover-test-power-off-without-hooks", "failover-test", "--node", "lb1", "--mode", "power-off")]
    [InlineData("failover-test-fault-without-restore", "failover-test", "--node", "lb1", "--fault-command", "lab/lab link-down {node}")]
    [InlineData("failover-test-unknown-mode", "failover-test", "--node", "lb1", "--mode", "unplug")]
    [InlineData("failover-test-unknown-node", "failover-test", "--node", "lb9")]
    [InlineData("verify-count-zero", "verify", "--watch", "--count", "0")]
    [InlineData("status-count-without-watch", "status", "--count", "3")]
    [InlineData("status-interval-too-short", "status", "--watch", "--interval", "10ms")]
    [InlineData("failover-test-restore-without-fault", "failover-test", "--node", "lb1", "--restore-command", "lab/lab link-up {node}")]
    [InlineData("apply-parallel-zero", "apply", "--parallel", "0")]
    [InlineData("apply-command-timeout-zero", "apply", "--command-timeout", "0")]
    [InlineData("plan-unknown-option", "plan", "--dry-run")]
    [InlineData("drain-unknown-backend", "drain", "--backend", "api9")]
    [InlineData("drain-bad-timeout", "drain", "--backend", "master1", "--timeout", "soon")]
    [InlineData("undrain-without-backend", "undrain")]
    public async Task A_refused_command_line_says_why_and_touches_no_host(string golden, params string[] args) =>
        Golden.AssertMatches($"{golden}.txt", await Run([args[0], "-i", CliRunner.ExampleWith(), .. args[1..]]));

    [Fact]
    public async Task A_command_without_its_inventory_is_a_usage_error() =>
        Golden.AssertMatches("validate-without-inventory.txt", await Run("validate"));

    private static string InvalidInventory() =>
        CliRunner.ExampleWith(("priority: 90", "priority: 300"), ("secret_env: HALB_VRRP_SECRET", $"secret: {CliRunner.Secret}"));

    /// <summary>render with a template override for each file, so the digests do not follow the built-in templates; keepalived.conf carries the secret.</summary>
    private static async Task<string> RunRender(params string[] extra)
    {
        var transcript = "";
        await WithDirectories(async (templates, outDir) =>
        {
            File.WriteAllText(Path.Combine(templates, "haproxy.cfg.liquid"), "# haproxy of {{ node.name }}\nfrontend kube-apiserver\n");
            File.WriteAllText(Path.Combine(templates, "check_haproxy.sh.liquid"), "#!/bin/sh\n# {{ node.name }}\nexit 0\n");
            File.WriteAllText(Path.Combine(templates, "halb-vrrp-notify.sh.liquid"), "#!/bin/sh\n# notify of {{ node.name }}\nexit 0\n");
            File.WriteAllText(Path.Combine(templates, "keepalived.conf.liquid"),
                "global_defs {\n    router_id {{ node.name }}\n}\nvrrp_instance VI_1 {\n    authentication {\n        auth_pass \"{{ vrrp.auth_pass }}\"\n    }\n}\n");
            transcript = await Run(["render", "-i", CliRunner.ExampleWith(), "--out", outDir, "--templates", templates, .. extra]);
        });
        return transcript;
    }

    private static async Task WithDirectories(Func<string, string, Task> test)
    {
        var templates = Directory.CreateTempSubdirectory("halb-templates-");
        var outDir = Directory.CreateTempSubdirectory("halb-render-");
        try
        {
            await test(templates.FullName, outDir.FullName);
        }
        finally
        {
            templates.Delete(recursive: true);
            outDir.Delete(recursive: true);
        }
    }

    private static readonly (string Option, string Token)[] VaryingPaths = [("-i", "{inventory}"), ("--out", "{out}"), ("--templates", "{templates}")];

    /// <summary>Runs halb-deploy; the temporary inventory and directories it was given are named by tokens in the transcript.</summary>
    private static async Task<string> Run(params string[] args)
    {
        var (exit, output, error) = await CliRunner.RunAsync(args);
        var transcript = Golden.Transcript(exit, output, error);
        foreach (var (option, token) in VaryingPaths)
            if (Array.IndexOf(args, option) is var at and >= 0) transcript = transcript.Replace(args[at + 1], token, StringComparison.Ordinal);
        return transcript;
    }
}
