using System.Net;
using Ensa.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ensa.Tests;

/// <summary>Issue 8, finding 13: in Production over plain HTTP with no HTTPS port, every page answered an empty 500 (secure
/// cookies and HTTPS redirection with nowhere to redirect). Now Ensa refuses to start and says what to configure; with an
/// HTTPS port (TLS in Kestrel or at a proxy) it redirects plain HTTP and serves pages over HTTPS.</summary>
public sealed class HttpsStartupTests
{
    private sealed class ProductionFactory(string? httpsPort) : EnsaAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            if (httpsPort is not null) builder.UseSetting("https_port", httpsPort);
        }
    }

    [Fact]
    public async Task Production_NoHttpsConfigured_RefusesToStart_SayingWhatToSet()
    {
        await using var app = new ProductionFactory(null);
        var refused = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = refused.GetBaseException().Message;
        Assert.Contains("HTTPS", message, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTPS_PORT", message, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithHttpsPort_RedirectsPlainHttp_AndServesPagesOverHttps()
    {
        await using var app = new ProductionFactory("443");
        await app.InitializeAsync();
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var plain = await http.GetAsync("/Account/Login");
        Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"got {(int)plain.StatusCode}");
        Assert.Equal("https", plain.Headers.Location!.Scheme);

        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var page = await https.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/public/mittkoping/resources")).StatusCode);
    }
}
