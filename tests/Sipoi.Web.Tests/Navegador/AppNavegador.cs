using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Navegador;

/// <summary>
/// The real app on a real port (Kestrel on 127.0.0.1, a port the system picks) with the demo data, and
/// Debian's Chromium driven headless by Playwright. Never downloads a browser: ./sipoi test installs
/// the chromium package when /usr/bin/chromium is missing.
/// </summary>
public class AppNavegador : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>
    /// The browser classes run one after another (each still with its own app and browser): three Chromiums next to
    /// the rest of the suite on a 2-core CI machine starved a log-in past its timeout once.
    /// </summary>
    public const string Coleccion = "Navegador";

    public const string Chromium = "/usr/bin/chromium";

    public BaseDePrueba Base { get; private set; } = null!;
    public RelojDePrueba Reloj { get; } = new();
    /// <summary>"http://127.0.0.1:PORT".</summary>
    public string Direccion { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Navegador { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        Direccion = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Navegador = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As ../shared/STACK.md lists: no sandbox (containers), no background traffic, and every host
            // but the test server unresolvable, so a page can never reach the internet.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => AppDePrueba.Configurar(builder, Base, Reloj);

    /// <summary>A fresh browser context (its own cookies) signed in through the log-in page.</summary>
    public async Task<IPage> IngresarAsync(string correo)
    {
        var contexto = await Navegador.NewContextAsync(new BrowserNewContextOptions { BaseURL = Direccion, Locale = "es-PE" });
        // Generous: on a 2-core CI machine the suite runs test classes in parallel with this browser.
        contexto.SetDefaultTimeout(60_000);
        var pagina = await contexto.NewPageAsync();
        await pagina.GotoAsync("/cuenta/ingresar");
        await pagina.Locator("#Datos_Correo").FillAsync(correo);
        await pagina.Locator("#Datos_Contrasena").FillAsync(Sipoi.Web.Intercambio.DatosDemo.Contrasena);
        await pagina.Locator("form#ingreso button[type=submit]").ClickAsync();
        // The URL, not the page's load event: the next steps wait for what they use.
        await Assertions.Expect(pagina).ToHaveURLAsync(Direccion + "/", new() { Timeout = 60_000 });
        return pagina;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Navegador is not null) await Navegador.DisposeAsync();
        Playwright?.Dispose();
        await base.DisposeAsync();
        await Base.DisposeAsync();
    }
}

/// <summary>Names the collection <see cref="AppNavegador.Coleccion"/>: its classes never run in parallel with each other.</summary>
[CollectionDefinition(AppNavegador.Coleccion)]
public sealed class ColeccionNavegador;
