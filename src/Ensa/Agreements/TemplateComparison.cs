using System.Text.RegularExpressions;

namespace Ensa.Agreements;

public enum SectionChangeKind { Added, Removed, Changed }

/// <summary>One section that differs between two versions of the main text, matched by its number: added (only
/// <see cref="After"/>), removed (only <see cref="Before"/>) or changed (heading or text, both set).</summary>
public sealed record SectionChange(SectionChangeKind Kind, TemplateSection? Before, TemplateSection? After)
{
    /// <summary>The section as the newer version names it (the older one's, when it was removed).</summary>
    public TemplateSection Section => After ?? Before!;
}

public enum DiffKind { Same, Removed, Added }

/// <summary>A run of words that both texts share, or that only the older (removed) or the newer (added) has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>Compares two versions of the main text section by section, and a changed section's text word by word: for the
/// preview before a version is published, the version page and the notice to organizers on an older version.</summary>
public static partial class TemplateComparison
{
    /// <summary>Above this many word pairs the texts are shown as wholly replaced rather than compared word by word.</summary>
    private const long MaxWordPairs = 4_000_000;

    /// <summary>The differing sections in the newer version's order, each removed one after the section it followed.</summary>
    public static IReadOnlyList<SectionChange> Compare(IReadOnlyList<TemplateSection> before, IReadOnlyList<TemplateSection> after)
    {
        var old = before.GroupBy(s => s.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var kept = after.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
        var changes = new List<SectionChange>();
        var told = new HashSet<int>();
        // The removed sections that came before the first kept one, then each kept one followed by the removed after it.
        void RemovedAfter(int index)
        {
            for (var i = index + 1; i < before.Count && !kept.Contains(before[i].Number); i++)
                if (told.Add(i)) changes.Add(new SectionChange(SectionChangeKind.Removed, before[i], null));
        }
        RemovedAfter(-1);
        foreach (var section in after)
        {
            if (!old.TryGetValue(section.Number, out var previous)) changes.Add(new SectionChange(SectionChangeKind.Added, null, section));
            else if (!string.Equals(previous.Heading, section.Heading, StringComparison.Ordinal)
                     || !string.Equals(previous.Text, section.Text, StringComparison.Ordinal))
                changes.Add(new SectionChange(SectionChangeKind.Changed, previous, section));
            if (previous is not null) RemovedAfter(IndexOf(before, previous));
        }
        return changes;
    }

    private static int IndexOf(IReadOnlyList<TemplateSection> sections, TemplateSection section)
    {
        for (var i = 0; i < sections.Count; i++)
            if (ReferenceEquals(sections[i], section)) return i;
        return -1;
    }

    /// <summary>The newer text against the older, word by word (white space kept): the longest common run of words is
    /// <see cref="DiffKind.Same"/>, the rest removed or added. Very long texts that differ are shown as replaced.</summary>
    public static IReadOnlyList<DiffSegment> Words(string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return before.Length == 0 ? [] : [new DiffSegment(DiffKind.Same, before)];
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        // The common start and end need no table.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;
        var segments = new List<DiffSegment>();
        void Add(DiffKind kind, string text)
        {
            if (text.Length == 0) return;
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new DiffSegment(kind, text));
        }
        Add(DiffKind.Same, string.Concat(a.Take(start)));
        var (n, m) = (a.Length - start - end, b.Length - start - end);
        if ((long)n * m > MaxWordPairs)
        {
            Add(DiffKind.Removed, string.Concat(a.Skip(start).Take(n)));
            Add(DiffKind.Added, string.Concat(b.Skip(start).Take(m)));
        }
        else
        {
            // Longest common subsequence of the middles, read forwards.
            var lengths = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lengths[i, j] = a[start + i] == b[start + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            var (x, y) = (0, 0);
            while (x < n || y < m)
            {
                if (x < n && y < m && a[start + x] == b[start + y]) { Add(DiffKind.Same, a[start + x]); x++; y++; }
                else if (y < m && (x == n || lengths[x, y + 1] >= lengths[x + 1, y])) { Add(DiffKind.Added, b[start + y]); y++; }
                else { Add(DiffKind.Removed, a[start + x]); x++; }
            }
        }
        Add(DiffKind.Same, string.Concat(a.Skip(a.Length - end)));
        return segments;
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Tokens();
}
