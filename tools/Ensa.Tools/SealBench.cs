using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ensa.Web.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ensa.Tools;

/// <summary>Times what the last signature of an agreement costs (ADR 15): printing an agreement-sized HTML document to
/// PDF with headless Chromium, and sealing it, each run in turn, sequentially, as a signing request does.</summary>
internal static class SealBench
{
    private sealed class Development : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Ensa.Tools";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    public static async Task<int> RunAsync(Options options)
    {
        var rounds = int.Parse(options.Get("rounds", "5"), CultureInfo.InvariantCulture);
        var sections = int.Parse(options.Get("sections", "40"), CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ensa:ChromiumPath"] = options.Get("chromium", "/usr/bin/chromium"),
        }).Build();
        var chromium = new ChromiumPdf(configuration, NullLogger<ChromiumPdf>.Instance);
        using var seal = new AgreementSeal(configuration, new Development(), NullLogger<AgreementSeal>.Instance);
        var html = Document(sections);
        var (print, sealing) = (new List<double>(), new List<double>());
        var pages = 0L;
        for (var i = 0; i < rounds + 1; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var pdf = await chromium.PrintAsync(html) ?? throw new InvalidOperationException("Chromium could not print.");
            var printed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            var sealedPdf = await seal.SealAsync(pdf, "benchmark");
            var sealedIn = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!AgreementSeal.Verify(sealedPdf).Intact) throw new InvalidOperationException("The seal does not verify.");
            pages = sealedPdf.Length;
            if (i == 0) continue; // the first run warms Chromium's and .NET's caches
            print.Add(printed);
            sealing.Add(sealedIn);
        }
        Console.WriteLine(FormattableString.Invariant($"""
            {rounds} rounds, {sections} sections ({html.Length / 1024} KB of HTML, {pages / 1024} KB sealed PDF), {Environment.ProcessorCount} cores
              print (Chromium):  median {Median(print):F0} ms, max {print.Max():F0} ms
              seal (PDFsharp):   median {Median(sealing):F0} ms, max {sealing.Max():F0} ms
              total:             median {Median(print.Zip(sealing, (a, b) => a + b).ToList()):F0} ms
            """));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>An agreement-sized document: numbered sections of running text and a signature page.</summary>
    private static string Document(int sections)
    {
        var body = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>PUB-avtal</title></head><body><main>");
        for (var s = 1; s <= sections; s++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<h2>{s} Avsnitt {s}</h2>");
            for (var p = 0; p < 4; p++)
                body.Append("<p>Personuppgiftsbiträdet ska behandla personuppgifter endast enligt dokumenterade instruktioner från den ")
                    .Append("personuppgiftsansvarige, vidta lämpliga tekniska och organisatoriska åtgärder och bistå den ansvarige.</p>");
        }
        body.Append("<h2>Underskrifter</h2><p>Gunilla Ståhl, Förvaltningschef, 2026-12-02 10:00</p></main></body></html>");
        return body.ToString();
    }
}
