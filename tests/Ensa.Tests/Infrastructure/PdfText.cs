using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ensa.Tests.Infrastructure;

/// <summary>The text of a PDF by pdftotext (Debian's poppler-utils), with runs of white space made single because table
/// cells wrap. Tests that print with Chromium are skipped without it, unless ENSA_REQUIRE_BROWSER=1 (as in .ci/run).</summary>
public static partial class PdfText
{
    public static void RequireTools()
    {
        if (File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/pdftotext")) return;
        if (Environment.GetEnvironmentVariable("ENSA_REQUIRE_BROWSER") == "1") Assert.Fail("ENSA_REQUIRE_BROWSER=1 but chromium or pdftotext is missing.");
        Assert.Skip("Chromium or pdftotext (poppler-utils) is not installed.");
    }

    public static async Task<string> ExtractAsync(byte[] pdf, string directory)
    {
        var file = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return Flat(text);
    }

    public static string Flat(string text) => WhiteSpace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
