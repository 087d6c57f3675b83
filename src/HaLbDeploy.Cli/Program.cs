using HaLbDeploy.Cli;

using var interruption = new GracefulInterruption(Console.Error);
return await CliApplication.RunAsync(args, CliConsole.System, interruption.Token);
