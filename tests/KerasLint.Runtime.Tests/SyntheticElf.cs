using System.Text;

namespace KerasLint.Runtime.Tests;

/// <summary>
/// Builds a small, well-formed ELF64 little-endian file with just the sections the patcher reads:
/// .dynsym, .dynstr, .gnu.version, .gnu.version_r (optionally .gnu.version_d) and .rela.dyn.
/// </summary>
internal sealed class SyntheticElf
{
    public sealed record Sym(string Name, ushort Version, bool Defined = false, bool Relocated = false);

    public sealed record Need(string File, params (string Version, ushort Index, ushort Flags)[] Versions);

    public List<Sym> Symbols { get; } = new();

    public List<Need> Needs { get; } = new();

    /// <summary>Versions this "library" defines (.gnu.version_d), or null for none.</summary>
    public List<string>? Defines { get; set; }

    public byte[] Build()
    {
        var dynstr = new List<byte> { 0 };
        uint AddStr(string s)
        {
            var at = (uint)dynstr.Count;
            dynstr.AddRange(Encoding.ASCII.GetBytes(s));
            dynstr.Add(0);
            return at;
        }

        var dynsym = new List<byte>(new byte[24]); // index 0: the null symbol
        var versym = new List<byte> { 0, 0 };
        var rela = new List<byte>();
        for (var i = 0; i < Symbols.Count; i++)
        {
            var s = Symbols[i];
            var e = new byte[24];
            BitConverter.GetBytes(AddStr(s.Name)).CopyTo(e, 0);
            e[4] = 0x12; // GLOBAL FUNC
            BitConverter.GetBytes((ushort)(s.Defined ? 7 : 0)).CopyTo(e, 6);
            dynsym.AddRange(e);
            versym.AddRange(BitConverter.GetBytes(s.Version));
            if (s.Relocated)
            {
                var r = new byte[24];
                BitConverter.GetBytes(0x1000UL).CopyTo(r, 0);
                BitConverter.GetBytes(((ulong)(i + 1) << 32) | 6UL).CopyTo(r, 8);
                rela.AddRange(r);
            }
        }

        var verneed = new List<byte>();
        for (var n = 0; n < Needs.Count; n++)
        {
            var need = Needs[n];
            var vn = new byte[16];
            BitConverter.GetBytes((ushort)1).CopyTo(vn, 0);
            BitConverter.GetBytes((ushort)need.Versions.Length).CopyTo(vn, 2);
            BitConverter.GetBytes(AddStr(need.File)).CopyTo(vn, 4);
            BitConverter.GetBytes(16u).CopyTo(vn, 8);
            BitConverter.GetBytes(n == Needs.Count - 1 ? 0u : (uint)(16 + 16 * need.Versions.Length)).CopyTo(vn, 12);
            verneed.AddRange(vn);
            for (var a = 0; a < need.Versions.Length; a++)
            {
                var (version, index, flags) = need.Versions[a];
                var aux = new byte[16];
                BitConverter.GetBytes(flags).CopyTo(aux, 4);
                BitConverter.GetBytes(index).CopyTo(aux, 6);
                BitConverter.GetBytes(AddStr(version)).CopyTo(aux, 8);
                BitConverter.GetBytes(a == need.Versions.Length - 1 ? 0u : 16u).CopyTo(aux, 12);
                verneed.AddRange(aux);
            }
        }

        var verdef = new List<byte>();
        if (Defines != null)
        {
            for (var d = 0; d < Defines.Count; d++)
            {
                var vd = new byte[20];
                BitConverter.GetBytes((ushort)1).CopyTo(vd, 0);
                BitConverter.GetBytes((ushort)(d + 1)).CopyTo(vd, 4);
                BitConverter.GetBytes((ushort)1).CopyTo(vd, 6);
                BitConverter.GetBytes(20u).CopyTo(vd, 12);
                BitConverter.GetBytes(d == Defines.Count - 1 ? 0u : 28u).CopyTo(vd, 16);
                verdef.AddRange(vd);
                var vda = new byte[8];
                BitConverter.GetBytes(AddStr(Defines[d])).CopyTo(vda, 0);
                verdef.AddRange(vda);
            }
        }

        // Layout: header (64) | dynsym | dynstr | versym | verneed | verdef | rela | section headers.
        var body = new List<byte>(new byte[64]);
        long Place(List<byte> part)
        {
            while (body.Count % 8 != 0) body.Add(0);
            var at = body.Count;
            body.AddRange(part);
            return at;
        }

        var offSym = Place(dynsym);
        var offStr = Place(dynstr);
        var offVer = Place(versym);
        var offNeed = Place(verneed);
        var offDef = Place(verdef);
        var offRela = Place(rela);
        while (body.Count % 8 != 0) body.Add(0);
        var shoff = body.Count;

        var headers = new List<byte[]>
        {
            new byte[64],
            Sh(11, offSym, dynsym.Count, 2, 1, 24),                  // 1 .dynsym -> 2
            Sh(3, offStr, dynstr.Count, 0, 0, 0),                    // 2 .dynstr
            Sh(0x6fffffff, offVer, versym.Count, 1, 0, 2),           // 3 .gnu.version
            Sh(0x6ffffffe, offNeed, verneed.Count, 2, (uint)Needs.Count, 0), // 4 .gnu.version_r
            Sh(4, offRela, rela.Count, 1, 0, 24),                    // 5 .rela.dyn -> dynsym
        };
        if (Defines != null) headers.Add(Sh(0x6ffffffd, offDef, verdef.Count, 2, (uint)Defines.Count, 0));
        foreach (var h in headers) body.AddRange(h);

        var elf = body.ToArray();
        new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(elf, 0);
        BitConverter.GetBytes((ushort)3).CopyTo(elf, 0x10);     // ET_DYN
        BitConverter.GetBytes((ushort)62).CopyTo(elf, 0x12);    // x86-64
        BitConverter.GetBytes((ulong)shoff).CopyTo(elf, 0x28);
        BitConverter.GetBytes((ushort)64).CopyTo(elf, 0x34);
        BitConverter.GetBytes((ushort)64).CopyTo(elf, 0x3a);
        BitConverter.GetBytes((ushort)headers.Count).CopyTo(elf, 0x3c);
        return elf;
    }

    private static byte[] Sh(uint type, long offset, long size, uint link, uint info, long entsize)
    {
        var h = new byte[64];
        BitConverter.GetBytes(type).CopyTo(h, 4);
        BitConverter.GetBytes((ulong)offset).CopyTo(h, 24);
        BitConverter.GetBytes((ulong)size).CopyTo(h, 32);
        BitConverter.GetBytes(link).CopyTo(h, 40);
        BitConverter.GetBytes(info).CopyTo(h, 44);
        BitConverter.GetBytes((ulong)entsize).CopyTo(h, 56);
        return h;
    }
}
