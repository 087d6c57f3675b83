namespace HaLbDeploy.Ssh.Tests.TestSupport;

/// <summary>Public keys made once with ssh-keygen, with the fingerprints `ssh-keygen -lf` printed for them.</summary>
public static class TestKeys
{
    public const string Ed25519A = "AAAAC3NzaC1lZDI1NTE5AAAAIL1q20KTGf8c2dYr8tqKoDAEtgePEp+fFqCQBwY67NII";
    public const string Ed25519AFingerprint = "SHA256:el/U+SiOQ5wVdU4sGP2GyiqOPTO0x3UmvJ1ccYC2Ayg";

    public const string Ed25519B = "AAAAC3NzaC1lZDI1NTE5AAAAIO5jUfEZME1kxisx+wJHr6A8kbD+iQUq74mfu7PhdKZu";
    public const string Ed25519BFingerprint = "SHA256:65/aZYr+bUg1wI4nEoAwMJCkXaWCe87fsi9YEKWhV7o";

    public const string Rsa =
        "AAAAB3NzaC1yc2EAAAADAQABAAABAQC8EI72ANIh2D5qUyxf84991E9y8I2p2fHnOYEZIdb5Pye2xKry7vc4ajURN8n4ZpTtOoe/j1rarbXMryJKnEDL4FxOww5RG6UEigyjYowU" +
        "erTzR1zSEkiejQI9/86yNYmI3xuyvrNyjdge/ibCDm1u2Z0XgtlONLHdiGqCyiNveiWaVd2EWanSA9CXgPJYsYGj/RVnhigSBHrIOWf8bImNWN0ySL6Ze/UMyRzaaEzhVO/ckQU" +
        "Lpr7ItT6V2Z7DTg7Tanp6ouqVFFtDhjXziaHXGvHnTm4EFdK95HiaH57VcvLgI80N3vWBMXbslvJLnOYBholVhf9V21vDR7LFzzSV";
    public const string RsaFingerprint = "SHA256:zNhQQ6r3IaNZntyr4bAUuAiGxFPrGJlCnENyYuso+eQ";

    public const string Ecdsa = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBII0v0ccquEstV+FEwtHybVuCVKHLbgnj1WMkExoih6GAZZSY33/UrtmjsrqiHCcouazYm7SKfwgu68Z4gF4RUo=";
    public const string EcdsaFingerprint = "SHA256:eX+ArV6dHnBCD8f31lAXuJvcz8ss1hFTjJWqaj0kwHw";

    /// <summary>`ssh-keygen -H` output for "10.0.0.5 ssh-ed25519 {Ed25519A}".</summary>
    public const string HashedLineFor10005 = "|1|qFmppCYzUaFjToLSmhzjKaORzwI=|jZy7ZOIN3qgrEshejMdXh1YcO7g= ssh-ed25519 " + Ed25519A;

    /// <summary>`ssh-keygen -H` output for "[10.0.0.6]:2222 ssh-ed25519 {Ed25519A}".</summary>
    public const string HashedLineFor10006Port2222 = "|1|IWnOXJGZsTVJj7g1a/kKSa7uQL0=|NM9mL8iLlqwoDeIPUPL8VmNCW4M= ssh-ed25519 " + Ed25519A;

    public static byte[] Blob(string base64) => Convert.FromBase64String(base64);
}
