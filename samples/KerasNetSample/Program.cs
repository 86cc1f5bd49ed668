using System;

namespace KerasNetSample
{
    /// <summary>
    /// Each class below is a small Keras.NET training program with one well-known Keras trap (and one that is
    /// correct). Building this project shows what KerasLint reports; the comment on each flagged line names the rule.
    /// The programs need the real Keras.NET package and Python to run; with the compile-time stand-in in
    /// ../KerasNetApi they only build.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine("KerasLint samples: build this project to see the diagnostics.");
            Console.WriteLine("  dotnet build samples/KerasNetSample");
            Console.WriteLine("Running them needs Keras.NET and a Python environment with TensorFlow.");
            return 0;
        }
    }
}
