// KerasLint native-loading fix (compiled at build time by MSBuild's RoslynCodeTaskFactory from
// KerasLint.Runtime.targets, and into KerasLint.Runtime.Tests with KERASLINT_ELF_CORE_ONLY to unit-test the parser).
//
// TorchSharp 0.107.0's libLibTorchSharp.so (built with GCC 13) lists GLIBCXX_3.4.32 among the versions it needs
// from libstdc++.so.6. Older hosts (Debian 12: up to GLIBCXX_3.4.30) refuse to load it. The only symbol bound to
// that version is _ZSt21ios_base_library_initv, a link-time marker that GCC 13 emits and nothing relocates
// against. Marking that one Vernaux entry VER_FLG_WEAK tells ld.so that a missing version is not fatal.
// The patch is applied to the build output's copy only, and only for versions whose symbols are all known markers
// with no relocation against them; anything else is refused with a clear error.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
#if !KERASLINT_ELF_CORE_ONLY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace KerasLint.Build
{
    /// <summary>The file is not an ELF file this patcher understands, or the patch would not be safe.</summary>
    public sealed class ElfPatchException : Exception
    {
        public ElfPatchException(string message) : base(message) { }
    }

    /// <summary>One Vernaux entry: a version a needed library must define.</summary>
    public sealed class ElfVersionNeed
    {
        public ElfVersionNeed(string file, string version, ushort flags, ushort index, int flagsOffset)
        {
            File = file;
            Version = version;
            Flags = flags;
            Index = index;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The needed library (vn_file), e.g. libstdc++.so.6.</summary>
        public string File { get; }

        /// <summary>The version name (vna_name), e.g. GLIBCXX_3.4.32.</summary>
        public string Version { get; }

        /// <summary>vna_flags (VER_FLG_WEAK = 0x2).</summary>
        public ushort Flags { get; }

        /// <summary>vna_other: the index .gnu.version uses for symbols bound to this version.</summary>
        public ushort Index { get; }

        /// <summary>File offset of vna_flags.</summary>
        public int FlagsOffset { get; }

        public bool IsWeak => (Flags & ElfVersionPatcher.VerFlagWeak) != 0;
    }

    /// <summary>What <see cref="ElfVersionPatcher.Patch"/> did.</summary>
    public sealed class ElfPatchResult
    {
        public ElfPatchResult(IReadOnlyList<string> weakened, IReadOnlyList<string> alreadyWeak)
        {
            Weakened = weakened;
            AlreadyWeak = alreadyWeak;
        }

        /// <summary>Versions whose Vernaux entry this call marked weak.</summary>
        public IReadOnlyList<string> Weakened { get; }

        /// <summary>Versions the host lacks that were already weak (an earlier run patched them).</summary>
        public IReadOnlyList<string> AlreadyWeak { get; }

        public bool Changed => Weakened.Count > 0;
    }

    /// <summary>A minimal, strict ELF64 little-endian reader for the GNU symbol-versioning sections.</summary>
    public static class ElfVersionPatcher
    {
        public const ushort VerFlagWeak = 0x2;

        private const uint ShtRela = 4;
        private const uint ShtRel = 9;
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;

        /// <summary>Symbols GCC emits only as link-time markers (no code or data is ever bound through them).</summary>
        public static readonly string[] KnownMarkerSymbols = { "_ZSt21ios_base_library_initv" };

        /// <summary>Every Vernaux entry of .gnu.version_r, in file order.</summary>
        public static List<ElfVersionNeed> ReadVersionNeeds(byte[] elf, string what)
        {
            var sections = ReadSections(elf, what);
            var verneed = Single(sections, ShtGnuVerneed, ".gnu.version_r (SHT_GNU_verneed)", what);
            var strtab = Linked(sections, verneed, what);
            var result = new List<ElfVersionNeed>();
            var count = verneed.Info;
            long pos = verneed.Offset;
            for (uint i = 0; i < count; i++)
            {
                Need(elf, pos, 16, what, "Verneed entry");
                var cnt = U16(elf, pos + 2);
                var file = Str(elf, strtab, U32(elf, pos + 4), what);
                var aux = U32(elf, pos + 8);
                var next = U32(elf, pos + 12);
                long a = pos + aux;
                for (var j = 0; j < cnt; j++)
                {
                    Need(elf, a, 16, what, "Vernaux entry");
                    if (a < verneed.Offset || a + 16 > verneed.Offset + verneed.Size)
                    {
                        throw new ElfPatchException($"{what}: a Vernaux entry of {file} lies outside .gnu.version_r; unexpected ELF layout.");
                    }

                    var flags = U16(elf, a + 4);
                    var other = U16(elf, a + 6);
                    var name = Str(elf, strtab, U32(elf, a + 8), what);
                    result.Add(new ElfVersionNeed(file, name, flags, other, checked((int)(a + 4))));
                    var an = U32(elf, a + 12);
                    if (an == 0 && j != cnt - 1)
                    {
                        throw new ElfPatchException($"{what}: the Vernaux chain of {file} ends after {j + 1} of {cnt} entries; unexpected ELF layout.");
                    }

                    a += an;
                }

                if (next == 0 && i != count - 1)
                {
                    throw new ElfPatchException($"{what}: the Verneed chain ends after {i + 1} of {count} entries; unexpected ELF layout.");
                }

                pos += next;
            }

            return result;
        }

        /// <summary>The version names a library defines (.gnu.version_d), e.g. GLIBCXX_3.4.30 for libstdc++.</summary>
        public static HashSet<string> ReadDefinedVersions(byte[] elf, string what)
        {
            var sections = ReadSections(elf, what);
            var verdef = Single(sections, ShtGnuVerdef, ".gnu.version_d (SHT_GNU_verdef)", what);
            var strtab = Linked(sections, verdef, what);
            var names = new HashSet<string>(StringComparer.Ordinal);
            long pos = verdef.Offset;
            for (uint i = 0; i < verdef.Info; i++)
            {
                Need(elf, pos, 20, what, "Verdef entry");
                var cnt = U16(elf, pos + 6);
                var aux = U32(elf, pos + 12);
                var next = U32(elf, pos + 16);
                if (cnt > 0)
                {
                    Need(elf, pos + aux, 8, what, "Verdaux entry");
                    names.Add(Str(elf, strtab, U32(elf, pos + aux), what));
                }

                if (next == 0) break;
                pos += next;
            }

            return names;
        }

        /// <summary>
        /// Marks weak every Vernaux entry of <paramref name="library"/> whose version the host does not define,
        /// provided that every dynamic symbol bound to it is a known marker that nothing relocates against.
        /// Modifies <paramref name="elf"/> in place; idempotent.
        /// </summary>
        public static ElfPatchResult Patch(byte[] elf, ICollection<string> hostVersions, string library, string what)
        {
            var needs = ReadVersionNeeds(elf, what);
            var weakened = new List<string>();
            var already = new List<string>();
            var missing = new List<ElfVersionNeed>();
            foreach (var n in needs)
            {
                if (!string.Equals(n.File, library, StringComparison.Ordinal) || hostVersions.Contains(n.Version)) continue;
                if (n.IsWeak) already.Add(n.Version);
                else missing.Add(n);
            }

            if (missing.Count == 0)
            {
                return new ElfPatchResult(weakened, already);
            }

            var sections = ReadSections(elf, what);
            var dynsym = Single(sections, ShtDynsym, ".dynsym", what);
            var dynstr = Linked(sections, dynsym, what);
            var versym = Single(sections, ShtGnuVersym, ".gnu.version (SHT_GNU_versym)", what);
            if (dynsym.EntSize != 24)
            {
                throw new ElfPatchException($"{what}: .dynsym entry size is {dynsym.EntSize}, expected 24 for ELF64; unexpected ELF layout.");
            }

            var symCount = dynsym.Size / 24;
            if (versym.Size != symCount * 2)
            {
                throw new ElfPatchException($"{what}: .gnu.version has {versym.Size / 2} entries for {symCount} dynamic symbols; unexpected ELF layout.");
            }

            var relocated = RelocatedSymbols(elf, sections, dynsym, what);
            foreach (var n in missing)
            {
                for (long s = 0; s < symCount; s++)
                {
                    var ver = (ushort)(U16(elf, versym.Offset + 2 * s) & 0x7fff);
                    if (ver != n.Index) continue;
                    var sym = dynsym.Offset + 24 * s;
                    var name = Str(elf, dynstr, U32(elf, sym), what);
                    if (Array.IndexOf(KnownMarkerSymbols, name) < 0)
                    {
                        throw new ElfPatchException($"{what} needs symbol '{name}' from {n.Version} of {library}, which this host's {library} does not define. That symbol is real code, so it cannot be relaxed: install a {library} that provides {n.Version} (GCC 13 or newer runtime).");
                    }

                    if (U16(elf, sym + 6) != 0)
                    {
                        throw new ElfPatchException($"{what} defines '{name}' under {n.Version} instead of importing it; unexpected ELF layout.");
                    }

                    if (relocated.Contains(s))
                    {
                        throw new ElfPatchException($"{what} has a relocation against '{name}' ({n.Version}), so the version cannot be relaxed: install a {library} that provides {n.Version}.");
                    }
                }

                var flags = (ushort)(n.Flags | VerFlagWeak);
                elf[n.FlagsOffset] = (byte)(flags & 0xff);
                elf[n.FlagsOffset + 1] = (byte)(flags >> 8);
                weakened.Add(n.Version);
            }

            return new ElfPatchResult(weakened, already);
        }

        /// <summary>
        /// Finds the host's libstdc++.so.6 the dynamic loader would most likely use: LD_LIBRARY_PATH first, then the
        /// usual multiarch and lib64 directories. Null when none exists.
        /// </summary>
        public static string? FindHostLibrary(string library)
        {
            var dirs = new List<string>();
            var ld = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            if (!string.IsNullOrEmpty(ld)) dirs.AddRange(ld!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries));
            var arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
            dirs.AddRange(new[] { "/lib/" + arch, "/usr/lib/" + arch, "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib64", "/usr/local/lib" });
            foreach (var d in dirs)
            {
                var p = Path.Combine(d, library);
                if (System.IO.File.Exists(p)) return p;
            }

            return null;
        }

        /// <summary>
        /// Patches a file on disk. Writes a new file and renames it over the old one (never writing through a hard
        /// link or symlink into, e.g., the NuGet cache) and keeps the original timestamp so incremental copies
        /// still see the output as up to date.
        /// </summary>
        public static ElfPatchResult PatchFile(string path, ICollection<string> hostVersions, string library)
        {
            var bytes = System.IO.File.ReadAllBytes(path);
            var result = Patch(bytes, hostVersions, library, path);
            if (!result.Changed) return result;
            var stamp = System.IO.File.GetLastWriteTimeUtc(path);
            var tmp = path + ".keraslint-tmp";
            System.IO.File.Copy(path, tmp, true); // a fresh inode with the original's permissions
            using (var stream = new FileStream(tmp, FileMode.Open, FileAccess.Write))
            {
                stream.Write(bytes, 0, bytes.Length);
            }

            System.IO.File.Delete(path);
            System.IO.File.Move(tmp, path);
            System.IO.File.SetLastWriteTimeUtc(path, stamp);
            return result;
        }

        private sealed class Section
        {
            public uint Type;
            public long Offset;
            public long Size;
            public uint Link;
            public uint Info;
            public long EntSize;
            public int Index;
        }

        private static List<Section> ReadSections(byte[] elf, string what)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new ElfPatchException($"{what} is not an ELF file (bad magic).");
            }

            if (elf[4] != 2) throw new ElfPatchException($"{what} is not ELF64 (EI_CLASS={elf[4]}).");
            if (elf[5] != 1) throw new ElfPatchException($"{what} is not little-endian (EI_DATA={elf[5]}).");
            var shoff = (long)U64(elf, 0x28);
            var shentsize = U16(elf, 0x3a);
            var shnum = U16(elf, 0x3c);
            if (shoff == 0 || shnum == 0) throw new ElfPatchException($"{what} has no section headers; unexpected ELF layout.");
            if (shentsize != 64) throw new ElfPatchException($"{what}: section header size {shentsize}, expected 64; unexpected ELF layout.");
            Need(elf, shoff, (long)shnum * 64, what, "section header table");
            var list = new List<Section>(shnum);
            for (var i = 0; i < shnum; i++)
            {
                var h = shoff + 64L * i;
                var s = new Section
                {
                    Index = i,
                    Type = U32(elf, h + 4),
                    Offset = (long)U64(elf, h + 24),
                    Size = (long)U64(elf, h + 32),
                    Link = U32(elf, h + 40),
                    Info = U32(elf, h + 44),
                    EntSize = (long)U64(elf, h + 56),
                };
                if (s.Type != 8 /* SHT_NOBITS */ && s.Type != 0) Need(elf, s.Offset, s.Size, what, "section " + i);
                list.Add(s);
            }

            return list;
        }

        private static Section Single(List<Section> sections, uint type, string name, string what)
        {
            Section? found = null;
            foreach (var s in sections)
            {
                if (s.Type != type) continue;
                if (found != null) throw new ElfPatchException($"{what} has more than one {name} section; unexpected ELF layout.");
                found = s;
            }

            return found ?? throw new ElfPatchException($"{what} has no {name} section; unexpected ELF layout.");
        }

        private static Section Linked(List<Section> sections, Section s, string what)
        {
            if (s.Link == 0 || s.Link >= sections.Count || sections[(int)s.Link].Type != 3 /* SHT_STRTAB */)
            {
                throw new ElfPatchException($"{what}: section {s.Index} does not link to a string table; unexpected ELF layout.");
            }

            return sections[(int)s.Link];
        }

        private static HashSet<long> RelocatedSymbols(byte[] elf, List<Section> sections, Section dynsym, string what)
        {
            var set = new HashSet<long>();
            foreach (var s in sections)
            {
                if ((s.Type != ShtRela && s.Type != ShtRel) || s.Link != dynsym.Index) continue;
                var size = s.Type == ShtRela ? 24 : 16;
                for (long p = s.Offset; p + size <= s.Offset + s.Size; p += size)
                {
                    set.Add((long)(U64(elf, p + 8) >> 32));
                }
            }

            return set;
        }

        private static void Need(byte[] elf, long offset, long length, string what, string part)
        {
            if (offset < 0 || length < 0 || offset + length > elf.Length)
            {
                throw new ElfPatchException($"{what}: the {part} at offset {offset} runs past the end of the file; truncated or unexpected ELF layout.");
            }
        }

        private static string Str(byte[] elf, Section strtab, uint index, string what)
        {
            if (index >= strtab.Size) throw new ElfPatchException($"{what}: string index {index} is outside its string table; unexpected ELF layout.");
            var start = strtab.Offset + index;
            var end = start;
            var limit = strtab.Offset + strtab.Size;
            while (end < limit && elf[end] != 0) end++;
            if (end >= limit) throw new ElfPatchException($"{what}: unterminated string in a string table; unexpected ELF layout.");
            return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
        }

        private static ushort U16(byte[] b, long o) => (ushort)(b[o] | (b[o + 1] << 8));

        private static uint U32(byte[] b, long o) => (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));

        private static ulong U64(byte[] b, long o) => U32(b, o) | ((ulong)U32(b, o + 4) << 32);
    }

#if !KERASLINT_ELF_CORE_ONLY
    /// <summary>MSBuild task: weakens, in the build output only, the libstdc++ versions the host lacks.</summary>
    public sealed class KerasLintRelaxNativeVersions : Task
    {
        /// <summary>The native libraries in the output directory to check (libLibTorchSharp.so).</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Optional: the host libstdc++.so.6 to compare against (default: searched like the loader does).</summary>
        public string? HostLibrary { get; set; }

        /// <summary>The needed library whose versions may be relaxed.</summary>
        public string Library { get; set; } = "libstdc++.so.6";

        public override bool Execute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return true;
            var host = string.IsNullOrEmpty(HostLibrary) ? ElfVersionPatcher.FindHostLibrary(Library) : HostLibrary;
            if (host == null || !System.IO.File.Exists(host))
            {
                Log.LogWarning(null, "KLNATIVE002", null, null, 0, 0, 0, 0, "KerasLint: no host {0} found, so TorchSharp's native library was left unpatched; set KerasLintHostLibStdCxx to its path if torch fails to load.", Library);
                return true;
            }

            HashSet<string> defined;
            try
            {
                defined = ElfVersionPatcher.ReadDefinedVersions(System.IO.File.ReadAllBytes(host), host);
            }
            catch (ElfPatchException e)
            {
                Log.LogError(null, "KLNATIVE001", null, host, 0, 0, 0, 0, "KerasLint: cannot read the version definitions of the host {0}: {1}", Library, e.Message);
                return false;
            }

            foreach (var item in Files)
            {
                var path = item.GetMetadata("FullPath");
                try
                {
                    var r = ElfVersionPatcher.PatchFile(path, defined, Library);
                    if (r.Changed)
                    {
                        Log.LogMessage(MessageImportance.High, "KerasLint: {0}: marked {1} weak (the host {2} at {3} lacks it; the only symbols bound to it are link-time markers).", path, string.Join(", ", r.Weakened), Library, host);
                    }
                    else if (r.AlreadyWeak.Count > 0)
                    {
                        Log.LogMessage(MessageImportance.Low, "KerasLint: {0}: already patched ({1}).", path, string.Join(", ", r.AlreadyWeak));
                    }
                }
                catch (ElfPatchException e)
                {
                    Log.LogError(null, "KLNATIVE001", null, path, 0, 0, 0, 0, "KerasLint native fix: {0}", e.Message);
                }
                catch (IOException e)
                {
                    Log.LogError(null, "KLNATIVE001", null, path, 0, 0, 0, 0, "KerasLint native fix: cannot rewrite {0}: {1}", path, e.Message);
                }
            }

            return !Log.HasLoggedErrors;
        }
    }
#endif
}
