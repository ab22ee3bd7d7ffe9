namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>One bug class of docs/failures.md: its name, a three-line buggy snippet and the kit's message for it.</summary>
/// <param name="BugClass">The bug class, as the gallery's heading names it.</param>
/// <param name="Snippet">Three lines of the buggy code, enough to recognise the bug in one's own code.</param>
/// <param name="Message">The kit's message, which the entry's <c>Bug_…</c> test asserts word for word.</param>
internal sealed record GalleryEntry(string BugClass, string Snippet, string Message);
