namespace Ensa.Common;

/// <summary>Text kept as one entry per line (app store links, guideline links, security measures…).</summary>
public static class TextLines
{
    /// <summary>The non-empty lines, trimmed.</summary>
    public static string[] Of(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
