using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Scripts;

namespace HaLbDeploy.Core.Tests.Scripts;

public sealed class PackageUploadTests
{
    private static PackageFile File(string name, long size) => new($"/pkgs/{name}", name, size, new string('a', 64), PackageFormat.Deb);

    [Fact]
    public void Small_files_share_one_upload_script()
    {
        var chunks = PackageUpload.Chunks([File("a.deb", 10), File("b.deb", 20)], chunkBytes: 100);

        var chunk = Assert.Single(chunks);
        Assert.Equal([("a.deb", 0L, 10), ("b.deb", 0L, 20)], chunk.Select(p => (p.File.FileName, p.Offset, p.Length)));
        Assert.All(chunk, p => Assert.True(p.StartsFile));
    }

    [Fact]
    public void A_large_file_is_cut_into_pieces_that_never_exceed_the_chunk_size_and_cover_it_exactly_once()
    {
        var chunks = PackageUpload.Chunks([File("a.deb", 30), File("big.deb", 250), File("c.deb", 5)], chunkBytes: 100);

        Assert.All(chunks, c => Assert.InRange(c.Sum(p => p.Length), 1, 100));
        var pieces = chunks.SelectMany(c => c).ToList();
        Assert.Equal(
            [("a.deb", 0L, 30), ("big.deb", 0L, 70), ("big.deb", 70L, 100), ("big.deb", 170L, 80), ("c.deb", 0L, 5)],
            pieces.Select(p => (p.File.FileName, p.Offset, p.Length)));
        Assert.Equal(3, chunks.Count);
    }

    [Fact]
    public void The_twenty_nine_megabytes_of_the_lab_repository_travel_in_fifteen_scripts_of_two_mebibytes()
    {
        var sizes = new long[] { 2042596, 41584, 569660, 48156, 72248, 1403216, 1211164, 9376124, 122984, 61632, 63124, 21600, 29584, 53356, 67432, 4207640, 43268, 14252, 34160, 1753352, 2556916, 688760, 12800, 242760, 1609596, 2817356, 239392, 728896, 54396 };

        var chunks = PackageUpload.Chunks(sizes.Select((s, i) => File($"p{i}.deb", s)).ToList());

        Assert.Equal((int)Math.Ceiling(sizes.Sum() / (double)PackageUpload.DefaultChunkBytes), chunks.Count);
        Assert.Equal(15, chunks.Count);
    }

    [Fact]
    public void Files_land_in_roots_own_directory_under_their_own_names()
    {
        Assert.Equal("/var/cache/halb-deploy/packages/haproxy_2.6.12-1_amd64.deb", PackageUpload.NodePath(File("haproxy_2.6.12-1_amd64.deb", 1)));
    }
}
