using System;

namespace TfNetSample
{
    /// <summary>
    /// Each class below is a small TensorFlow.NET (Keras) training program with one trap (and one that is correct).
    /// Building this project shows what KerasLint reports; the comment on each flagged line names the rule. The programs
    /// need the real TensorFlow.NET packages and the TensorFlow runtime to run; with the stand-ins in ../TfNetApi they only build.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine("KerasLint samples: build this project to see the diagnostics.");
            Console.WriteLine("  dotnet build samples/TfNetSample");
            Console.WriteLine("Running them needs TensorFlow.NET, TensorFlow.Keras and the TensorFlow runtime.");
            return 0;
        }
    }
}
