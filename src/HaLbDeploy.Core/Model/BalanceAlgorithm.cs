namespace HaLbDeploy.Core.Model;

/// <summary>haproxy's `balance` of a frontend's backend; each member is written as haproxy spells it, lower-cased.</summary>
public enum BalanceAlgorithm
{
    RoundRobin,
    LeastConn,
    Source,
}
