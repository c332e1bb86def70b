using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ensa.Tests.Infrastructure;

/// <summary>Skolverket's school-unit register (open API v2) on loopback, answering in its shape under
/// <c>/skolenhetsregistret/v2/school-units</c>. A test sets <see cref="Units"/> or <see cref="Answer"/>.</summary>
public sealed class FakeSchoolUnitRegister : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeSchoolUnitRegister()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/skolenhetsregistret/v2/school-units", (HttpRequest request) =>
        {
            var organisationNumber = request.Query["organization_number"].ToString();
            Requests.Enqueue(organisationNumber);
            return Answer(organisationNumber);
        });
    }

    /// <summary>The base URL as Ensa is configured with it.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The organisation numbers asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>What the register answers; by default <see cref="Units"/> in the register's shape.</summary>
    public Func<string, Task<IResult>> Answer { get; set; } = null!;

    /// <summary>Answer with these units (code, name, status) for any organisation number.</summary>
    public void Units(params (string Code, string Name, string Status)[] units) =>
        Answer = _ => Task.FromResult(Results.Json(new
        {
            meta = new { extractDate = "2026-12-01T06:00:00" },
            data = new
            {
                type = "schoolunit",
                attributes = units.Select(u => new { schoolUnitCode = u.Code, name = u.Name, status = u.Status }),
            },
        }));

    public async Task StartAsync()
    {
        Units();
        await _app.StartAsync();
        Url = $"{_app.Urls.Single()}/skolenhetsregistret";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
