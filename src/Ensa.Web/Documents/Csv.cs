using System.Text;

namespace Ensa.Web.Documents;

/// <summary>CSV as Excel in Sweden opens it: semicolon-separated UTF-8 with a byte order mark, quoted per RFC 4180.</summary>
public static class Csv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Utf8WithBom(string text) => [.. Utf8.GetPreamble(), .. Utf8.GetBytes(text)];

    /// <summary>One cell: quoted when needed; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
