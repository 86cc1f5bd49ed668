using KerasLint.Build;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class ElfVersionPatcherTests
{
    private static readonly string[] Host = { "GLIBCXX_3.4", "GLIBCXX_3.4.30", "CXXABI_1.3" };

    private static SyntheticElf LikeLibTorchSharp(bool markerRelocated = false, string markerName = "_ZSt21ios_base_library_initv")
    {
        var elf = new SyntheticElf();
        elf.Needs.Add(new SyntheticElf.Need("libc.so.6", ("GLIBC_2.2.5", 3, 0), ("GLIBC_2.99", 4, 0)));
        elf.Needs.Add(new SyntheticElf.Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 5, 0), ("GLIBCXX_3.4.32", 6, 0), ("GLIBCXX_3.4", 7, 0)));
        elf.Symbols.Add(new SyntheticElf.Sym("malloc", 3, Relocated: true));
        elf.Symbols.Add(new SyntheticElf.Sym(markerName, 6, Relocated: markerRelocated));
        elf.Symbols.Add(new SyntheticElf.Sym("_ZNSt6chrono3_V212system_clock3nowEv", 5, Relocated: true));
        elf.Symbols.Add(new SyntheticElf.Sym("_ZdlPv", 7, Relocated: true));
        return elf;
    }

    [Fact]
    public void Reads_every_vernaux_entry_in_order()
    {
        var needs = ElfVersionPatcher.ReadVersionNeeds(LikeLibTorchSharp().Build(), "synthetic");
        Assert.Equal(
            new[] { "libc.so.6:GLIBC_2.2.5", "libc.so.6:GLIBC_2.99", "libstdc++.so.6:GLIBCXX_3.4.30", "libstdc++.so.6:GLIBCXX_3.4.32", "libstdc++.so.6:GLIBCXX_3.4" },
            needs.Select(n => n.File + ":" + n.Version));
        Assert.Equal(new ushort[] { 3, 4, 5, 6, 7 }, needs.Select(n => n.Index));
        Assert.All(needs, n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void Flips_only_the_missing_libstdcxx_entry_and_only_one_byte()
    {
        var original = LikeLibTorchSharp().Build();
        var patched = (byte[])original.Clone();
        var result = ElfVersionPatcher.Patch(patched, Host, "libstdc++.so.6", "synthetic");

        Assert.Equal(new[] { "GLIBCXX_3.4.32" }, result.Weakened);
        var diffs = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Single(diffs);
        Assert.Equal(ElfVersionPatcher.VerFlagWeak, patched[diffs[0]]);

        var needs = ElfVersionPatcher.ReadVersionNeeds(patched, "synthetic");
        Assert.Equal(new[] { "GLIBCXX_3.4.32" }, needs.Where(n => n.IsWeak).Select(n => n.Version));
        // GLIBC_2.99 is missing too, but it belongs to libc, not to the library being relaxed.
        Assert.False(needs.Single(n => n.Version == "GLIBC_2.99").IsWeak);
    }

    [Fact]
    public void Is_idempotent()
    {
        var bytes = LikeLibTorchSharp().Build();
        Assert.True(ElfVersionPatcher.Patch(bytes, Host, "libstdc++.so.6", "synthetic").Changed);
        var once = (byte[])bytes.Clone();
        var second = ElfVersionPatcher.Patch(bytes, Host, "libstdc++.so.6", "synthetic");
        Assert.False(second.Changed);
        Assert.Equal(new[] { "GLIBCXX_3.4.32" }, second.AlreadyWeak);
        Assert.Equal(once, bytes);
    }

    [Fact]
    public void Leaves_the_file_alone_when_the_host_has_the_version()
    {
        var bytes = LikeLibTorchSharp().Build();
        var before = (byte[])bytes.Clone();
        var result = ElfVersionPatcher.Patch(bytes, Host.Append("GLIBCXX_3.4.32").ToArray(), "libstdc++.so.6", "synthetic");
        Assert.False(result.Changed);
        Assert.Empty(result.AlreadyWeak);
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void Refuses_a_missing_version_bound_to_real_code()
    {
        var bytes = LikeLibTorchSharp(markerName: "_ZNSt8ios_base4InitC1Ev").Build();
        var before = (byte[])bytes.Clone();
        var e = Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(bytes, Host, "libstdc++.so.6", "synthetic"));
        Assert.Contains("_ZNSt8ios_base4InitC1Ev", e.Message);
        Assert.Contains("GLIBCXX_3.4.32", e.Message);
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void Refuses_a_marker_with_a_relocation_against_it()
    {
        var bytes = LikeLibTorchSharp(markerRelocated: true).Build();
        var e = Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(bytes, Host, "libstdc++.so.6", "synthetic"));
        Assert.Contains("relocation", e.Message);
    }

    [Theory]
    [InlineData("not an elf file at all, just text that is long enough to have a header of sixty-four bytes")]
    [InlineData("")]
    public void Refuses_non_elf_input(string text)
    {
        var e = Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(System.Text.Encoding.ASCII.GetBytes(text), Host, "libstdc++.so.6", "input.txt"));
        Assert.Contains("not an ELF file", e.Message);
    }

    [Fact]
    public void Refuses_elf32_and_big_endian_and_truncated_files()
    {
        var elf32 = LikeLibTorchSharp().Build();
        elf32[4] = 1;
        Assert.Contains("not ELF64", Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(elf32, Host, "libstdc++.so.6", "x")).Message);

        var big = LikeLibTorchSharp().Build();
        big[5] = 2;
        Assert.Contains("little-endian", Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(big, Host, "libstdc++.so.6", "x")).Message);

        var full = LikeLibTorchSharp().Build();
        var truncated = full.Take(full.Length - 100).ToArray();
        Assert.Contains("past the end", Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(truncated, Host, "libstdc++.so.6", "x")).Message);
    }

    [Fact]
    public void Refuses_an_elf_without_version_needs()
    {
        var elf = LikeLibTorchSharp().Build();
        // Turn the SHT_GNU_verneed header (section 4) into SHT_PROGBITS.
        var shoff = (int)BitConverter.ToUInt64(elf, 0x28);
        BitConverter.GetBytes(1u).CopyTo(elf, shoff + 64 * 4 + 4);
        Assert.Contains(".gnu.version_r", Assert.Throws<ElfPatchException>(() => ElfVersionPatcher.Patch(elf, Host, "libstdc++.so.6", "x")).Message);
    }

    [Fact]
    public void Reads_defined_versions_of_a_library()
    {
        var lib = new SyntheticElf { Defines = new List<string> { "libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30" } };
        lib.Needs.Add(new SyntheticElf.Need("libc.so.6", ("GLIBC_2.2.5", 5, 0)));
        var defined = ElfVersionPatcher.ReadDefinedVersions(lib.Build(), "lib");
        Assert.Contains("GLIBCXX_3.4.30", defined);
        Assert.DoesNotContain("GLIBCXX_3.4.32", defined);
    }

    [Fact]
    public void Patches_a_file_through_a_new_inode_keeping_its_timestamp()
    {
        var dir = Directory.CreateTempSubdirectory("keraslint-elf");
        try
        {
            var original = Path.Combine(dir.FullName, "cache.so");
            File.WriteAllBytes(original, LikeLibTorchSharp().Build());
            var stamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(original, stamp);
            var output = Path.Combine(dir.FullName, "output.so");
            File.Copy(original, output);
            File.SetLastWriteTimeUtc(output, stamp);

            var result = ElfVersionPatcher.PatchFile(output, Host, "libstdc++.so.6");

            Assert.True(result.Changed);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(output));
            Assert.DoesNotContain(ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(original), "cache"), n => n.IsWeak);
            Assert.True(ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(output), "output").Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
            Assert.False(File.Exists(output + ".keraslint-tmp"));
            Assert.False(ElfVersionPatcher.PatchFile(output, Host, "libstdc++.so.6").Changed);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void The_build_output_copy_is_weak_exactly_when_the_host_lacks_the_version()
    {
        // The build (KerasLint.Runtime.targets) patched this test project's own output copy.
        var lib = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(lib) || !OperatingSystem.IsLinux(), "libLibTorchSharp.so is missing from the test output on Linux");
        if (!OperatingSystem.IsLinux()) return;

        var host = ElfVersionPatcher.FindHostLibrary("libstdc++.so.6");
        Assert.NotNull(host);
        var defined = ElfVersionPatcher.ReadDefinedVersions(File.ReadAllBytes(host!), host!);
        var needs = ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(lib), lib);
        foreach (var n in needs)
        {
            var shouldBeWeak = n.File == "libstdc++.so.6" && !defined.Contains(n.Version);
            Assert.True(shouldBeWeak == n.IsWeak, $"{n.File} {n.Version}: weak={n.IsWeak}, host defines it={defined.Contains(n.Version)}");
        }
    }
}
