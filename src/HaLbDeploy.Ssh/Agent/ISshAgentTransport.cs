namespace HaLbDeploy.Ssh.Agent;

/// <summary>Sends one agent message body and returns the body of the answer.</summary>
public interface ISshAgentTransport
{
    byte[] RoundTrip(byte[] request);
}
