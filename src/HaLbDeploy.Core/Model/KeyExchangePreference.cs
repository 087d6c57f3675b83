namespace HaLbDeploy.Core.Model;

/// <summary>Which SSH key exchange halb-deploy offers first (`ssh.kex`); every algorithm stays offered, only the order changes.</summary>
public enum KeyExchangePreference
{
    /// <summary>The post-quantum hybrids first (mlkem768x25519, sntrup761x25519): what crosses the connection stays safe against recording now and decrypting later.</summary>
    PostQuantum,

    /// <summary>The classic elliptic-curve exchanges first (curve25519-sha256, then ECDH): about 70 ms less CPU per connection in managed code, no post-quantum protection.</summary>
    Classic,
}
