using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// The one place a code fix finds the document a diagnostic location speaks of, in any host: a project on disk
    /// (the tree's path is the document's), an in-memory document (an ad-hoc workspace, a script or notebook host,
    /// a test that adds a document by name: the tree's path is then the document's <em>name</em> and
    /// <see cref="Document.FilePath"/> is null), a linked file (one path, several projects: the fixed document's
    /// project is preferred), and a diagnostic made against an earlier tree of the same document (dotnet format, a
    /// re-analysis): matched by path or name, not by tree identity.
    /// </summary>
    internal static class DocumentResolver
    {
        /// <summary>
        /// The document of <paramref name="context"/>'s solution that <paramref name="location"/> (one of
        /// <paramref name="diagnostic"/>'s locations) lies in; null when none can be named.
        /// </summary>
        public static Document? Find(Document context, Diagnostic diagnostic, Location location)
        {
            var tree = location.SourceTree;
            if (tree == null) return null;
            var solution = context.Project.Solution;

            // The very tree (the usual case in an IDE: the diagnostic was computed on the current snapshot).
            if (solution.GetDocumentId(tree) is { } byTree && solution.GetDocument(byTree) is { } exact) return exact;

            // The diagnostic's own tree: the host hands the diagnostic over for the context document.
            if (tree == diagnostic.Location.SourceTree) return context;

            var path = tree.FilePath;
            if (string.IsNullOrEmpty(path)) return null;
            if (Names(context, path)) return context;

            // A document with that path: in the context's project first (linked files), then anywhere.
            var withPath = solution.GetDocumentIdsWithFilePath(path);
            var samePath = withPath.FirstOrDefault(id => id.ProjectId == context.Project.Id) ?? withPath.FirstOrDefault();
            if (samePath != null) return solution.GetDocument(samePath);

            // An in-memory document, named by its name: the context's project first, then the others.
            IEnumerable<Project> projects = new[] { context.Project }.Concat(solution.Projects.Where(p => p.Id != context.Project.Id));
            return projects.SelectMany(p => p.Documents).FirstOrDefault(d => d.FilePath == null && d.Name == path);
        }

        /// <summary>Whether a tree path names the document: its file path, or its name when it has none.</summary>
        private static bool Names(Document document, string path) =>
            document.FilePath != null ? document.FilePath == path : document.Name == path;
    }
}
