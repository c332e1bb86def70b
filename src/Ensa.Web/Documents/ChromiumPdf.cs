using System.Diagnostics;

namespace Ensa.Web.Documents;

/// <summary>Prints an HTML document to PDF with headless Chromium (ADR 8). The HTML must be self-contained: it is
/// written to a temporary file and printed from there, with a throwaway profile, so no session or cookie is involved.</summary>
public sealed class ChromiumPdf(IConfiguration configuration, ILogger<ChromiumPdf> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string ExecutablePath { get; } = configuration["Ensa:ChromiumPath"] ?? "/usr/bin/chromium";

    public bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>The PDF, or null when Chromium is missing or fails (logged).</summary>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable) return null;
        var work = Path.Combine(Path.GetTempPath(), "ensa-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, "document.html");
            var output = Path.Combine(work, "document.pdf");
            await File.WriteAllTextAsync(input, html, cancellationToken);
            var start = new ProcessStartInfo(ExecutablePath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
                         "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(work, "profile"),
                         "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
                     })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogError("Chromium could not print the document (exit {ExitCode}): {Error}", process.ExitCode, await stderr);
                return null;
            }
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
