namespace Ensa.Tests.Infrastructure;

/// <summary>Strings an attacker (or a careless paste) sends: markup, quotes, emoji and other astral characters, bidi
/// overrides, control characters, invalid UTF-8, path tricks, numbers out of range and 100 KB of text. Each is given
/// already escaped for a URL (some on purpose are not valid once decoded).</summary>
public static class HostileInput
{
    private static readonly string[] Raw =
    [
        "<script>alert(1)</script>",
        "\"'><img src=x onerror=alert(1)>",
        "' OR 1=1 --",
        "😀",
        "ä😀ö",
        "𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦",
        "\u202Egnp.exe\u202C",
        "\u200F\u2066x\u2069",
        "\u0000",
        "a\u0001\u001F\u007Fb",
        "\r\nX-Injected: 1",
        " ",
        "..",
        "../../etc/passwd",
        "{{7*7}}${7*7}",
        "-1",
        "99999999999999999999999",
        "NaN",
        "true",
        new string('a', 100 * 1024),
        string.Concat(Enumerable.Repeat("ä😀\u202E", 100 * 1024 / 8)),
    ];

    /// <summary>Escaped forms that are not the escape of any string: invalid UTF-8, a lone surrogate, a broken escape.</summary>
    private static readonly string[] Escaped = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%", "%2", "%E2%80"];

    /// <summary>Every value, escaped for a query string or a path segment.</summary>
    public static IReadOnlyList<string> UrlValues { get; } = [.. Raw.Select(Uri.EscapeDataString), .. Escaped];
}
