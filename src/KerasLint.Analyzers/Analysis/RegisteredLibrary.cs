using System;
using System.Collections.Immutable;
using KerasLint.Analysis.ValueFlow;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// What a library tells the engines about itself, declared in its own folder (<c>Libraries/&lt;Name&gt;/</c>) and
    /// listed on one line of <see cref="LibraryRegistration"/>: its adapter's type (which kinds of model it fills:
    /// <see cref="ISetupAdapter"/>, <see cref="IStepAdapter"/>, <see cref="IDropoutAdapter"/>), its factory (null when
    /// the compilation does not reference the library), and the <c>keraslint.*</c> options it reads.
    /// </summary>
    internal sealed class RegisteredLibrary
    {
        private RegisteredLibrary(Type adapterType, Func<Compilation, ProgramFlow, object?> create, ImmutableArray<LibrarySetting> settings)
        {
            AdapterType = adapterType;
            Create = create;
            Settings = settings;
        }

        /// <summary>The adapter's type: the engines of the kinds it implements create it.</summary>
        public Type AdapterType { get; }

        /// <summary>The adapter for a compilation (following values through the engine's flow), or null when the library is not referenced.</summary>
        public Func<Compilation, ProgramFlow, object?> Create { get; }

        /// <summary>The options the library reads (KL0014 checks their values).</summary>
        public ImmutableArray<LibrarySetting> Settings { get; }

        public static RegisteredLibrary Of<TAdapter>(Func<Compilation, ProgramFlow, TAdapter?> create, params LibrarySetting[] settings)
            where TAdapter : class =>
            new RegisteredLibrary(typeof(TAdapter), create, ImmutableArray.Create(settings));
    }

    /// <summary>
    /// A <c>keraslint.*</c> option a library reads: its key, the library it configures (message wording), whether a
    /// value parses, the accepted forms, and what the library uses when a file's value cannot be read (the referenced
    /// assembly's version, from <see cref="Fallback"/>; null when the compilation does not reference the library).
    /// </summary>
    internal sealed class LibrarySetting
    {
        public LibrarySetting(string key, string library, Func<string, bool> readable, string accepted, Func<Compilation, SyntaxTree, string?> fallback)
        {
            Key = key;
            Library = library;
            Readable = readable;
            Accepted = accepted;
            Fallback = fallback;
        }

        public string Key { get; }

        public string Library { get; }

        public Func<string, bool> Readable { get; }

        public string Accepted { get; }

        public Func<Compilation, SyntaxTree, string?> Fallback { get; }
    }
}
