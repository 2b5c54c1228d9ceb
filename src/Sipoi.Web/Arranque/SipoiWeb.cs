using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;
using Sipoi.Web.Api;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Avisos;
using Sipoi.Web.Data;
using Sipoi.Web.Presentacion;
using Sipoi.Web.Reportes;
using Sipoi.Web.Salud;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Arranque;

public static class SipoiWeb
{
    public static WebApplication Construir(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSipoiDatos(builder.Configuration);
        builder.Services.AddSipoiSeguridad();
        builder.Services.AddSipoiSeguimiento(builder.Configuration);
        builder.Services.AddHostedService<PreparacionBaseDeDatos>();
        // Several web nodes: shared keys, health probes, drain on shutdown, warm-up (Arranque/Nodos.cs). After the migration.
        builder.Services.AddSipoiNodos(builder.Configuration);
        // After the database is ready: e-mail notices (Avisos/README.md).
        builder.Services.AddSipoiAvisos();
        // The evaluation report's PDF, converted in the background (Reportes/README.md).
        builder.Services.AddSipoiPdf();
        // Spanish validation messages, dates as dd/mm/aaaa, no browser bubbles (Presentacion/Validacion.cs).
        builder.Services.AddRazorPages().AddSipoiValidacion();
        // Pages, CSS and scripts travel compressed (Brotli, else gzip): offices on slow links (docs/reportes.md).
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Optimal, not the default Fastest: Chart.js goes from 102 KB to about 72 KB gzipped, and versioned files are cached for a year.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        // Spanish text as text (Contraseña, not Contrase&#xF1;a): smaller pages, readable source. <, >, & and quotes are still encoded.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Security headers, TLS behind a reverse proxy, Secure cookies (Arranque/Cabeceras.cs, docs/despliegue.md).
        builder.Services.AddSipoiCabeceras(builder.Configuration);
        // Request bodies capped (1 MB unless an endpoint says more), no control characters (Arranque/LimitesEntrada.cs).
        builder.AddSipoiLimitesEntrada();

        var app = builder.Build();
        app.UseSipoiCabeceras();
        var cultura = Formato.Cultura;
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultura),
            SupportedCultures = [cultura],
            SupportedUICultures = [cultura],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?codigo={0}");
        app.UseResponseCompression();
        // A file linked with asp-append-version (?v=hash) never changes under that URL: cache it for a year.
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c =>
            {
                if (c.Context.Request.Query.ContainsKey("v")) c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        app.UseRouting();
        app.UseSipoiLimiteCuerpo();
        // Before authentication: a client out of log-in attempts is refused (429) as cheaply as possible (Seguridad/LimiteIngreso.cs).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSipoiTextoSeguro();
        app.MapRazorPages();
        app.MapSipoiSalud();
        app.MapApiSeguimiento();
        return app;
    }

    /// <param name="autorFueraDeHttp">Who the audit log names for changes made outside a web request ("sistema", "cli:usuario").</param>
    public static IServiceCollection AddSipoiDatos(this IServiceCollection services, IConfiguration configuration, string autorFueraDeHttp = "sistema")
    {
        var conexion = configuration.GetConnectionString("Sipoi");
        if (string.IsNullOrWhiteSpace(conexion))
            throw new InvalidOperationException(
                "Falta la cadena de conexión ConnectionStrings:Sipoi (variable ConnectionStrings__Sipoi o appsettings.json). " +
                "Use ./sipoi run para arrancar un PostgreSQL privado.");
        // A pooled connection is not reset on each reuse: the reset cost seven statements per query (docs/benchmarks.md, «Carga»),
        // and the app leaves no session state behind (no SET, temporary tables or LISTEN; advisory locks are released).
        conexion = new Npgsql.NpgsqlConnectionStringBuilder(conexion) { NoResetOnClose = true, MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new InterceptorAuditoria(sp.GetService<IHttpContextAccessor>(), sp.GetRequiredService<TimeProvider>(), autorFueraDeHttp));
        // Pooled: a request reuses a context instead of building one (services, options, change tracker); EF resets it on return.
        services.AddDbContextPool<SipoiDbContext>((sp, o) => o.UseNpgsql(conexion, BaseDeDatos.Npgsql).ConfigureWarnings(BaseDeDatos.Advertencias)
            .AddInterceptors(sp.GetRequiredService<InterceptorAuditoria>()));
        // Reports, public pages and the dashboard read through this key: the replica when ConnectionStrings:SipoiLectura
        // is set (without the audit interceptor: nothing is saved through it), else the same context as everything else.
        var lectura = configuration.GetConnectionString(BaseDeDatos.NombreConexionLectura);
        if (string.IsNullOrWhiteSpace(lectura))
            services.AddKeyedScoped(BaseDeDatos.Lectura, (sp, _) => sp.GetRequiredService<SipoiDbContext>());
        else
        {
            var opciones = new DbContextOptionsBuilder<SipoiDbContext>().UseNpgsql(lectura, BaseDeDatos.Npgsql)
                .ConfigureWarnings(BaseDeDatos.Advertencias).Options;
            services.AddKeyedScoped(BaseDeDatos.Lectura, (_, _) => new SipoiDbContext(opciones));
        }
        return services;
    }
}
