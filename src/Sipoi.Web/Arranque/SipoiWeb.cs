using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;

namespace Sipoi.Web.Arranque;

public static class SipoiWeb
{
    public static WebApplication Construir(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSipoiDatos(builder.Configuration);
        builder.Services.AddHostedService<PreparacionBaseDeDatos>();
        builder.Services.AddRazorPages();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        var app = builder.Build();
        var cultura = Formato.Cultura;
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(cultura),
            SupportedCultures = [cultura],
            SupportedUICultures = [cultura],
        });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?codigo={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }

    public static IServiceCollection AddSipoiDatos(this IServiceCollection services, IConfiguration configuration)
    {
        var conexion = configuration.GetConnectionString("Sipoi");
        if (string.IsNullOrWhiteSpace(conexion))
            throw new InvalidOperationException(
                "Falta la cadena de conexión ConnectionStrings:Sipoi (variable ConnectionStrings__Sipoi o appsettings.json). " +
                "Use ./sipoi run para arrancar un PostgreSQL privado.");
        services.AddDbContext<SipoiDbContext>(o => o.UseNpgsql(conexion).ConfigureWarnings(BaseDeDatos.Advertencias));
        return services;
    }
}

/// <summary>How numbers are written for the offices: 17,009,620.80 and 94.27 %, months in Spanish.</summary>
public static class Formato
{
    public static CultureInfo Cultura { get; } = CrearCultura();

    private static CultureInfo CrearCultura()
    {
        var c = (CultureInfo)CultureInfo.GetCultureInfo("es-PE").Clone();
        c.NumberFormat.NumberDecimalSeparator = ".";
        c.NumberFormat.NumberGroupSeparator = ",";
        c.NumberFormat.PercentDecimalSeparator = ".";
        c.NumberFormat.PercentGroupSeparator = ",";
        c.NumberFormat.CurrencyDecimalSeparator = ".";
        c.NumberFormat.CurrencyGroupSeparator = ",";
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>A quantity as the matrices print it: thousands separated, decimals only when it has them.</summary>
    public static string Numero(decimal? valor) => valor is { } v
        ? (v == decimal.Truncate(v) ? v.ToString("#,0", Cultura) : v.ToString("#,0.##", Cultura))
        : "";

    /// <summary>Money and shares as the budget tables print them: always two decimals.</summary>
    public static string Numero2(decimal? valor) => valor is { } v ? v.ToString("#,0.00", Cultura) : "";

    public static string Porcentaje(decimal? valor) => valor is { } v ? v.ToString("#,0.00", Cultura) + " %" : "ND";

    public static string Soles(decimal? valor) => valor is { } v ? "S/ " + v.ToString("#,0.00", Cultura) : "";
}
