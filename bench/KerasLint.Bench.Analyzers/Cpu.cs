using System.Runtime.InteropServices;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// CPU time (user + sys seconds) from <c>getrusage</c>: of this process (every thread, the GC's included), or of every
    /// terminated child it waited for and their waited-for descendants. Linux or macOS.
    /// </summary>
    public static class Cpu
    {
        private const int RusageSelf = 0;
        private const int RusageChildren = -1;

        public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

        /// <summary>User + sys seconds of this process so far.</summary>
        public static double Self() => Read(RusageSelf);

        /// <summary>User + sys seconds of the children this process waited for (and their waited-for descendants).</summary>
        public static double Children() => Read(RusageChildren);

        private static double Read(int who)
        {
            if (getrusage(who, out var usage) != 0) throw new InvalidOperationException($"getrusage failed: {Marshal.GetLastPInvokeError()}");
            return usage.UserTime.Seconds + usage.UserTime.Microseconds / 1e6 + usage.SystemTime.Seconds + usage.SystemTime.Microseconds / 1e6;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out Rusage usage);

        [StructLayout(LayoutKind.Sequential)]
        private struct Timeval
        {
            public long Seconds;
            public long Microseconds;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct Rusage
        {
            public Timeval UserTime;
            public Timeval SystemTime;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
            public long[] Rest;
        }
    }
}
