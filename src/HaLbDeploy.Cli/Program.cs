using HaLbDeploy.Cli;

return await CliApplication.RunAsync(args, CliConsole.System);
