namespace Ensa.Tests.Infrastructure;

/// <summary>The app beside a local SS 12000 source, started before the app and stopped after it.</summary>
public abstract class Ss12000AppFactory(bool postgres) : EnsaAppFactory(postgres)
{
    public Ss12000Server Source { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        Source = await Ss12000Server.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Source.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
