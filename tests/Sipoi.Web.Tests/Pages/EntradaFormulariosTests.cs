using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Tests.Infraestructura;
using Sipoi.Web.Tests.Planes;

namespace Sipoi.Web.Tests.Pages;

/// <summary>
/// The forms report the domain's entry rules at their own fields (issue 11, items 2 and 6): over-long texts
/// and control characters get a Spanish message naming the field — never a 500, never stored —, settings
/// ranges come from ConfiguracionEntidad, and a PEI's indicator codes are unique in the whole PEI.
/// </summary>
public sealed class EntradaFormulariosTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Admin = "/e/EMSAPUNO/administracion";
    private const string UrlPei = "/e/EMSAPUNO/pei/PEI-2023-2025";

    [Fact]
    public async Task CentroNuevo_NombreMasLargoQueElLimite_SeRechazaYNoSeGuarda()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await Paginas.EnviarAsync(http, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "97"), ("Datos.Nombre", new string('x', 501)));
        Assert.Contains("El campo nombre admite hasta 500 caracteres (tiene 501).", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "97"));
    }

    [Fact]
    public async Task CentroNuevo_CaracterDeControlEnElNombre_SeRechazaNombrandoElCampo()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await Paginas.EnviarAsync(http, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "96"), ("Datos.Nombre", "OFICINA\u0001 NUEVA"));
        Assert.Contains("El campo nombre contiene un carácter de control (U+0001, posición 8), que no se admite", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "96"));
    }

    /// <summary>A NUL in a posted form is refused by ASP.NET Core's form reading (400) before the page runs: never a 500, nothing stored.</summary>
    [Fact]
    public async Task CentroNuevo_NulEnElNombre_NoEs500NiSeGuarda()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        var r = await Paginas.EnviarAsync(http, $"{Admin}/centros", "form-centro", ("Datos.Codigo", "95"), ("Datos.Nombre", "OFICINA\0 NUEVA"));
        Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)r.StatusCode}");
        await using var db = app.Base.Contexto();
        Assert.False(await db.CentrosCosto.AnyAsync(c => c.Codigo == "95"));
    }

    [Fact]
    public async Task CentroExistente_RenombrarConSaltoDeLinea_SeRechazaYConservaElNombre()
    {
        var http = await app.ComoAsync(AppDePrueba.Administrador);
        int id;
        string nombre;
        await using (var db = app.Base.Contexto())
        {
            var centro = await db.CentrosCosto.AsNoTracking().SingleAsync(c => c.Codigo == "01.02");
            (id, nombre) = (centro.Id, centro.Nombre);
        }
        var r = await Paginas.EnviarAsync(http, $"{Admin}/centros/{id.ToString(CultureInfo.InvariantCulture)}", "form-centro",
            ("Datos.Nombre", "OFICINA\nDE PLANEAMIENTO"), ("Datos.Responsable", "Jefe"));
        Assert.Contains("El campo nombre contiene un carácter de control (U+000A, posición 8)", await Paginas.ErroresAsync(r));
        await using (var db = app.Base.Contexto())
            Assert.Equal(nombre, await db.CentrosCosto.Where(c => c.Id == id).Select(c => c.Nombre).SingleAsync());
    }

    [Theory]
    [InlineData("Datos.ToleranciaSuperior", "500", "Tolerancia superior: debe estar entre 100 y 200 % (es 500).")]
    [InlineData("Datos.ToleranciaInferior", "100.5", "Tolerancia inferior: debe estar entre 0 y 100 % (es 100.5).")]
    [InlineData("Datos.AltoDesde", "1,000", "desde: debe estar entre 0 y 100 (es 1000).")]
    [InlineData("Datos.EtiquetaBajo", "Ba\u0002jo", "Etiqueta de la banda baja: contiene un carácter de control (U+0002, posición 3), que no se admite")]
    [InlineData("Datos.LeyendaMedio", "Falta\u0007poco", "Leyenda de la banda media: contiene un carácter de control (U+0007, posición 6)")]
    public async Task Configuracion_ReglaDelDominio_SeMuestraConLaEtiquetaDelCampo(string campo, string valor, string mensaje)
    {
        await using var antesDb = app.Base.Contexto();
        var antes = (await antesDb.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == "EMSAPUNO")).Configuracion;
        var r = await Paginas.EnviarAsync(await app.ComoAsync(AppDePrueba.Administrador), $"{Admin}/configuracion", "form-configuracion", (campo, valor));
        Assert.Contains(mensaje, await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.Equal(antes, (await db.Entidades.AsNoTracking().SingleAsync(e => e.Codigo == "EMSAPUNO")).Configuracion);
    }

    [Fact]
    public async Task PeiNuevo_ControlEnElCodigo_SeRechazaAntesDeConsultarLaBase()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, "/e/EMSAPUNO/pei/editar", "form-pei", ("Codigo", "PEI\u001bX"), ("Inicio", "2027"), ("Fin", "2030"));
        Assert.Contains("Código: contiene un carácter de control (U+001B, posición 4)", await Paginas.ErroresAsync(r));
    }

    [Fact]
    public async Task PeiNuevo_MisionMasLargaQue4000_SeRechaza()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, "/e/EMSAPUNO/pei/editar", "form-pei",
            ("Codigo", "PEI-LARGO"), ("Inicio", "2027"), ("Fin", "2030"), ("Mision", new string('m', 4001)));
        Assert.Contains("Misión: admite hasta 4,000 caracteres (tiene 4,001).", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.False(await db.Peis.AnyAsync(p => p.Codigo == "PEI-LARGO"));
    }

    [Fact]
    public async Task Indicador_CodigoDeOtroObjetivoDelMismoPei_LoRechazaElPei()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/indicador?oei=OEI.02&aei=AEI.02.01", "form-indicador",
            ("Codigo", "IND.AEI.01.01.01"), ("Nombre", "Repetido"), ("Sentido", "ascendente"));
        Assert.Contains("Código: el indicador IND.AEI.01.01.01 ya existe en el PEI PEI-2023-2025.", await Paginas.ErroresAsync(r));
        await using var db = app.Base.Contexto();
        Assert.Equal(1, await db.Indicadores.CountAsync(i => i.Codigo == "IND.AEI.01.01.01"
            && db.Aeis.Any(a => a.Id == i.AeiId && db.Oeis.Any(o => o.Id == a.OeiId && db.Peis.Any(p => p.Id == o.PeiId && p.Codigo == "PEI-2023-2025")))));
    }

    [Fact]
    public async Task Indicador_NombreConControl_SeRechazaNombrandoElCampo()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var r = await Paginas.EnviarAsync(http, $"{UrlPei}/indicador?oei=OEI.02&aei=AEI.02.01", "form-indicador",
            ("Codigo", "IND.NUL.01"), ("Nombre", "Con\u0008retroceso"), ("Sentido", "ascendente"));
        Assert.Contains("El campo nombre contiene un carácter de control (U+0008, posición 4)", await Paginas.ErroresAsync(r));
        Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode);
    }
}
