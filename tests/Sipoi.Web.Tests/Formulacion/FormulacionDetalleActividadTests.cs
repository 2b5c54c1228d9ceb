using System.Net;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Web.Tests.Infraestructura;
using static Sipoi.Web.Tests.Formulacion.Formularios;

namespace Sipoi.Web.Tests.Formulacion;

/// <summary>
/// The directive's details of an activity on the drafting form (Formulacion/README.md, "Indicator, critical elements
/// and needs"): saved to the draft only, refused whole with the field named, audited, and summed per unit.
/// </summary>
public sealed class FormulacionDetalleActividadTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Codigo = "FP34-05";

    private async Task AbrirModificadoAsync()
    {
        await using (var db = app.Base.Contexto())
            if (await db.PoiVersiones.AnyAsync(v => v.Estado == EstadoVersionPoi.Borrador && db.Pois.Any(p => p.Id == v.PoiId && p.Anio == 2024))) return;
        var opp = await app.ComoAsync(AppDePrueba.Planificador);
        Redirige(await EnviarAsync(opp, Base(2024), "abrir-version", c => { c["Tipo"] = "modificado"; c["Motivo"] = "Detalle de la directiva"; }), Base(2024));
    }

    private async Task<List<(EstadoVersionPoi Estado, DetalleActividad Detalle)>> DetallesAsync()
    {
        await using var db = app.Base.Contexto();
        var filas = await db.Programaciones.AsNoTracking().Include(p => p.ElementosCriticos).Include(p => p.Necesidades).AsSplitQuery()
            .Where(p => db.Actividades.Any(a => a.Id == p.ActividadId && a.Codigo == Codigo && db.Pois.Any(x => x.Id == a.PoiId && x.Anio == 2024)))
            .Select(p => new { p, Estado = db.PoiVersiones.Where(v => v.Id == p.PoiVersionId).Select(v => v.Estado).Single() })
            .ToListAsync();
        return filas.Select(f => (f.Estado, f.p.Detalle())).ToList();
    }

    private static void Detalle(Dictionary<string, string> c)
    {
        c["Entrada.Indicador"] = "Número de informes de gestión presentados a la Gerencia General";
        c["Entrada.TipoIndicador"] = "Proceso";
        c["Entrada.ElementosCriticos[0]"] = "Información de las gerencias a tiempo";
        c["Entrada.ElementosCriticos[1]"] = "Personal de planeamiento asignado";
        c["Entrada.Necesidades[0].Codigo"] = "2.3.1.5.1.2";
        c["Entrada.Necesidades[0].Detalle"] = "Papel bond A4 (millar)";
        c["Entrada.Necesidades[0].Cantidad"] = "10";
        c["Entrada.Necesidades[0].CostoUnitario"] = "28.50";
        c["Entrada.Necesidades[1].Codigo"] = "2.3.2.2.2.3";
        c["Entrada.Necesidades[1].Detalle"] = "Servicio de internet";
        c["Entrada.Necesidades[1].Cantidad"] = "12";
        c["Entrada.Necesidades[1].CostoUnitario"] = "100";
    }

    [Fact]
    public async Task Detalle_SeGuardaEnElBorradorAuditadoYSeResumePorCentro()
    {
        await AbrirModificadoAsync();
        var op = await app.ComoAsync(AppDePrueba.Operador);

        var r = await EnviarAsync(op, Actividad(2024, "01.02", Codigo), "actividad", Detalle, "guardar");
        Redirige(r, Centro(2024, "01.02"));

        var detalles = await DetallesAsync();
        var borrador = detalles.Single(d => d.Estado == EstadoVersionPoi.Borrador).Detalle;
        Assert.Equal("Número de informes de gestión presentados a la Gerencia General", borrador.Indicador);
        Assert.Equal(TipoIndicadorActividad.Proceso, borrador.TipoIndicador);
        Assert.Equal(["Información de las gerencias a tiempo", "Personal de planeamiento asignado"], borrador.ElementosCriticos);
        Assert.Equal(1485m, borrador.TotalNecesidades);
        // The approved version is not touched: its programming keeps no detail.
        var aprobada = Assert.Single(detalles, d => d.Estado == EstadoVersionPoi.Aprobada).Detalle;
        Assert.Null(aprobada.Indicador);
        Assert.Empty(aprobada.ElementosCriticos);
        Assert.Empty(aprobada.Necesidades);

        // Reported, not refused: the needs against the financial programming.
        var centro = Formulario.Leer(await (await op.GetAsync(Centro(2024, "01.02"))).Content.ReadAsStringAsync());
        Assert.Contains($"Aviso: Actividad {Codigo}: las necesidades suman S/ 1,485.00", centro.GetElementById("aviso")!.TextContent);

        // The per-unit summary: código / detalle / costo, goods, services and total.
        var resumen = centro.GetElementById("resumen-necesidades")!.TextContent;
        Assert.Contains("2.3.1.5.1.2", resumen);
        Assert.Contains("Papel bond A4 (millar)", resumen);
        Assert.Contains("285.00", resumen);
        Assert.Contains("1,200.00", resumen);
        Assert.Contains("1,485.00", resumen);

        // The form reads back what was saved.
        var f = await LeerAsync(op, Actividad(2024, "01.02", Codigo), "actividad");
        Assert.Equal("Servicio de internet", f.Campos["Entrada.Necesidades[1].Detalle"]);
        Assert.Equal("Proceso", f.Campos["Entrada.TipoIndicador"]);

        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "programacion" && a.Campo == "indicador"
            && a.ValorNuevo == "Número de informes de gestión presentados a la Gerencia General"));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "necesidad_actividad" && a.ValorNuevo!.Contains("Servicio de internet")));
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "elemento_critico" && a.ValorNuevo!.Contains("Personal de planeamiento asignado")));
    }

    [Fact]
    public async Task Detalle_Invalido_SeRechazaEnteroNombrandoElCampo()
    {
        await AbrirModificadoAsync();
        var op = await app.ComoAsync(AppDePrueba.Operador);
        var antes = await DetallesAsync();

        var r = await EnviarAsync(op, Actividad(2024, "01.02", Codigo), "actividad", c =>
        {
            c["Entrada.Nombre"] = "Nombre que no debe guardarse";
            c["Entrada.Indicador"] = "";
            c["Entrada.TipoIndicador"] = "Insumo";
            c["Entrada.Necesidades[0].Detalle"] = "Tóner";
            c["Entrada.Necesidades[0].Cantidad"] = "0";
            c["Entrada.Necesidades[0].CostoUnitario"] = "diez";
        }, "guardar");

        var texto = await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK,
            $"Actividad {Codigo}: escriba el enunciado del indicador de insumo (unidad de medida + sujeto + atributo).");
        Assert.Contains($"Actividad {Codigo}: el costo unitario de la necesidad 1 «diez» no es un número", texto, StringComparison.Ordinal);
        var html = Formulario.Leer(await r.Content.ReadAsStringAsync());
        Assert.Equal("true", html.QuerySelector("input[name='Entrada.Indicador']")!.GetAttribute("aria-invalid"));
        Assert.Equal("Tóner", html.QuerySelector("input[name='Entrada.Necesidades[0].Detalle']")!.GetAttribute("value"));

        await using var db = app.Base.Contexto();
        Assert.NotEqual("Nombre que no debe guardarse", await db.Actividades.Where(a => a.Codigo == Codigo).Select(a => a.Nombre).FirstAsync());
        var despues = await DetallesAsync();
        Assert.Equal(antes.Select(d => d.Detalle.TotalNecesidades), despues.Select(d => d.Detalle.TotalNecesidades));
        Assert.Equal(antes.Select(d => d.Detalle.Indicador), despues.Select(d => d.Detalle.Indicador));
    }

    [Fact]
    public async Task Detalle_TextoLargoOCantidadCero_SeRechazaConSuMensaje()
    {
        await AbrirModificadoAsync();
        var op = await app.ComoAsync(AppDePrueba.Operador);
        var r = await EnviarAsync(op, Actividad(2024, "01.02", Codigo), "actividad", c => c["Entrada.ElementosCriticos[0]"] = new string('x', 501), "guardar");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, "Elemento crítico (fila 1): admite hasta 500 caracteres (tiene 501).");
        r = await EnviarAsync(op, Actividad(2024, "01.02", Codigo), "actividad", c =>
        {
            c["Entrada.Necesidades[0].Detalle"] = "Tóner";
            c["Entrada.Necesidades[0].Cantidad"] = "0";
            c["Entrada.Necesidades[0].CostoUnitario"] = "250";
        }, "guardar");
        await Rechazo.EnRespuestaAsync(r, HttpStatusCode.OK, $"Actividad {Codigo}, necesidad 1: la cantidad debe ser mayor que cero.");
    }
}
