namespace HaLbDeploy.Cli.Output;

public enum OutputFormat
{
    Text,
    Json,
}
