using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Intercambio;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// An exchange file carries what counts: for the demo with its synthetic progress (January–October approved,
/// November submitted by some centres, observed for one, a draft for the others; December pending),
/// evaluate(import(export(E))) under another code equals evaluate(E) for every period, and a second export equals the first.
/// </summary>
public sealed class IdaYVueltaTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>
{
    private const int Anio = AvanceDemo.Anio;

    public static IEnumerable<object[]> Ajustes => [[false], [true]];

    private static IEnumerable<Periodo> TodosLosPeriodos() =>
        Enumerable.Range(1, 12).Select(Periodo.Mes)
            .Concat(Enumerable.Range(1, 12).Select(Periodo.AcumuladoAl))
            .Concat(Periodo.Trimestres)
            .Concat([Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Anual]);

    [Theory]
    [MemberData(nameof(Ajustes))]
    public async Task EvaluarLaCopia_DaLoMismoQueElOriginal_EnCadaPeriodo(bool mostrarEnviados)
    {
        const string original = DatosDemo.CodigoEntidad;
        var copia = "COPIA" + (mostrarEnviados ? "E" : "A");
        await MostrarEnviadosAsync(mostrarEnviados);

        var exportado = await ExportarAsync(original);
        var estados = exportado.Poi.Seguimiento!.Select(s => s.Estado).ToHashSet();
        Assert.Equal([EstadoSeguimiento.Pendiente, EstadoSeguimiento.Enviado, EstadoSeguimiento.Observado, EstadoSeguimiento.Aprobado],
            estados.Order().ToArray());
        Assert.Contains(exportado.Poi.Actividades, a => a.Justificaciones.Count > 0);
        await ImportarComoAsync(exportado, copia);

        var diferentes = new List<string>();
        await using var db = app.Base.Contexto();
        foreach (var periodo in TodosLosPeriodos())
        {
            var a = await ConsultaEvaluacion.EvaluarAsync(db, original, Anio, periodo);
            var b = await ConsultaEvaluacion.EvaluarAsync(db, copia, Anio, periodo);
            // The entity code is the only thing allowed to differ: both are written under the same one.
            if (EvaluacionJson.ComoTexto(a!, "X") != EvaluacionJson.ComoTexto(b!, "X")) diferentes.Add(periodo.Codigo);
        }
        Assert.Empty(diferentes);

        // And the copy exports the same file, apart from its code.
        var deNuevo = await ExportarAsync(copia);
        Assert.Equal(Texto(exportado, "X"), Texto(deNuevo, "X"));
        // The budget lines (poi.presupuesto) are in the file and come back line by line, amounts to the cent.
        Assert.NotEmpty(exportado.Poi.Presupuesto!.Ingresos);
        Assert.NotEmpty(exportado.Poi.Presupuesto.Egresos);
        Assert.Equal(exportado.Poi.Presupuesto.Ingresos, deNuevo.Poi.Presupuesto!.Ingresos);
        Assert.Equal(exportado.Poi.Presupuesto.Egresos, deNuevo.Poi.Presupuesto.Egresos);
    }

    /// <summary>The demo counts approved months only, or also submitted ones (each case sets it, so their order does not matter).</summary>
    private async Task MostrarEnviadosAsync(bool mostrar)
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
        entidad.Configurar(entidad.Configuracion with { MostrarEnviados = mostrar });
        await db.SaveChangesAsync();
    }

    private async Task<DocumentoIntercambio> ExportarAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        var doc = await ExportadorPlan.ExportarAsync(db, codigo, Anio);
        Assert.NotNull(doc);
        return doc;
    }

    /// <summary>Through the writer and the reader, as a file travels.</summary>
    private async Task ImportarComoAsync(DocumentoIntercambio doc, string codigo)
    {
        var lectura = LectorIntercambio.Leer(Texto(doc, codigo));
        Assert.True(lectura.EsValido, string.Join("\n", lectura.Errores));
        await using var db = app.Base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db, lectura.Documento);
        Assert.True(r.Exito, string.Join("\n", r.Errores));
    }

    private static string Texto(DocumentoIntercambio doc, string codigo) =>
        EscritorIntercambio.EscribirTexto(doc with { Entidad = doc.Entidad with { Codigo = codigo } });
}
