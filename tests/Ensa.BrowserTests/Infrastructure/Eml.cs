using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ensa.BrowserTests.Infrastructure;

/// <summary>Just enough MIME to read the .eml files SmtpClient writes to a pickup folder: headers (folded lines and
/// RFC 2047 encoded words), single-part or multipart bodies, base64 or quoted-printable, any charset .NET knows.</summary>
public sealed partial class Eml
{
    private Eml(IReadOnlyDictionary<string, string> headers, string text)
    {
        Headers = headers;
        Text = text;
    }

    /// <summary>Header values, encoded words decoded; names are case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The text/plain body (or the first text part when there is no plain one), decoded.</summary>
    public string Text { get; }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";

    public static Eml Parse(string raw)
    {
        var (headers, body) = SplitPart(raw.ReplaceLineEndings("\n"));
        var decoded = headers.ToDictionary(h => h.Key, h => DecodeWords(h.Value), StringComparer.OrdinalIgnoreCase);
        return new Eml(decoded, TextOf(headers, body) ?? "");
    }

    private static (Dictionary<string, string> Headers, string Body) SplitPart(string part)
    {
        var end = part.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? part : part[..end];
        var body = end < 0 ? "" : part[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim(); // folded
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            last = line[..colon].Trim();
            headers[last] = line[(colon + 1)..].Trim();
        }
        return (headers, body);
    }

    private static string? TextOf(Dictionary<string, string> headers, string body)
    {
        var contentType = headers.GetValueOrDefault("Content-Type") ?? "text/plain; charset=us-ascii";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = Parameter(contentType, "boundary") ?? throw new FormatException("multipart without boundary");
            var parts = body.Split("--" + boundary)
                .Skip(1) // the preamble
                .TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal)) // the closing delimiter
                .Select(p => SplitPart(p.TrimStart('\n')))
                .ToList();
            var plain = parts.FirstOrDefault(p => (p.Headers.GetValueOrDefault("Content-Type") ?? "text/plain")
                .StartsWith("text/plain", StringComparison.OrdinalIgnoreCase));
            return plain.Headers is not null
                ? TextOf(plain.Headers, plain.Body)
                : parts.Select(p => TextOf(p.Headers, p.Body)).FirstOrDefault(t => t is not null);
        }
        if (!mediaType.StartsWith("text/", StringComparison.Ordinal)) return null;

        var charset = Parameter(contentType, "charset") ?? "us-ascii";
        var encoding = Encoding.GetEncoding(charset);
        var transfer = (headers.GetValueOrDefault("Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        return transfer switch
        {
            "base64" => encoding.GetString(Convert.FromBase64String(WhiteSpace().Replace(body, ""))),
            "quoted-printable" => encoding.GetString(DecodeQuotedPrintable(body, underscoreIsSpace: false)),
            _ => body,
        };
    }

    private static string? Parameter(string headerValue, string name)
    {
        foreach (var piece in headerValue.Split(';').Skip(1))
        {
            var equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !piece[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            return piece[(equals + 1)..].Trim().Trim('"');
        }
        return null;
    }

    private static byte[] DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++; // soft line break
            }
            else if (c == '=' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else if (c == '\n')
            {
                bytes.Add((byte)'\r');
                bytes.Add((byte)'\n');
            }
            else
            {
                bytes.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
            }
        }
        return bytes.ToArray();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>RFC 2047: =?charset?B?…?= and =?charset?Q?…?=, adjacent words joined without the space between them.</summary>
    private static string DecodeWords(string value)
    {
        var joined = AdjacentWords().Replace(value, "$1$2");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var data = m.Groups["data"].Value;
            var bytes = m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(data)
                : DecodeQuotedPrintable(data, underscoreIsSpace: true);
            return encoding.GetString(bytes);
        });
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex AdjacentWords();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<kind>[BbQq])\?(?<data>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
