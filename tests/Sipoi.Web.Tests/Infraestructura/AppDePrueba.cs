using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>The real app on its own database with the demo entity loaded, shared by a test class.</summary>
public sealed class AppDePrueba : WebApplicationFactory<Program>, IAsyncLifetime
{
    public BaseDePrueba Base { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        // Starting the server runs migrations and loads the demo data (a hosted service).
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Sipoi", Base.Conexion);
        builder.UseSetting("Sipoi:CargarDemo", "true");
        builder.UseEnvironment("Production");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Base.DisposeAsync();
    }
}
