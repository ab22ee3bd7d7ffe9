using System.Text;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Writes the catalogue's entries into their section of docs/failures.md, and says when the file is stale.</summary>
/// <remarks>
/// Shared by the core and the FluentAssertions test projects (linked source): each owns one section between markers,
/// so neither needs the other's catalogue. Set <c>AET_UPDATE_GALLERY=1</c> to rewrite the section instead of checking it.
/// </remarks>
internal static class GalleryDoc
{
    /// <summary>The environment variable that makes <see cref="Check"/> rewrite the section.</summary>
    public const string UpdateVariable = "AET_UPDATE_GALLERY";

    /// <summary>Returns null when the section of <paramref name="section"/> matches the entries, else what is wrong and how to fix it.</summary>
    public static string? Check(string section, string project, IReadOnlyList<GalleryEntry> entries)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "failures.md");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = $"<!-- BEGIN {section}: generated from {project}'s catalogue, do not edit -->\n";
        var end = $"<!-- END {section} -->";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            return $"docs/failures.md has no section \"{section}\": add the lines \"{begin.TrimEnd()}\" and \"{end}\", then regenerate it.";
        }

        var generated = Render(entries);
        var current = text[(from + begin.Length)..to];
        if (current == generated)
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, text[..(from + begin.Length)] + generated + text[to..]);
            return null;
        }

        return $"docs/failures.md is stale: section \"{section}\" differs from the catalogue's messages. Regenerate it with " +
            $"`{UpdateVariable}=1 dotnet test tests/{project} --filter FullyQualifiedName~FailuresDoc` and commit the file.";
    }

    /// <summary>Renders each entry as a heading, its snippet and its message.</summary>
    public static string Render(IReadOnlyList<GalleryEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append("\n### ").Append(entry.BugClass).Append("\n\n```csharp\n").Append(entry.Snippet.ReplaceLineEndings("\n"))
                .Append("\n```\n\n```\n").Append(entry.Message.ReplaceLineEndings("\n")).Append("\n```\n");
        }

        return text.Append('\n').ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AsyncEnumTesting.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder of AsyncEnumTesting.sln) is not above " + AppContext.BaseDirectory);
    }
}
