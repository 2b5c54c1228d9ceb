using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Pois;
using Sipoi.Web.Tests.Intercambio;

namespace Sipoi.Web.Tests.Evaluacion;

/// <summary>
/// One reader of what counts (issue 11, item 1): the POI pages and the execution workbook read executed values through
/// <see cref="EjecucionQueCuenta"/> and show, month by month, exactly what the engine counts — a saved November draft is
/// not shown, a submitted November only when the entity shows submitted months.
/// </summary>
public sealed class EjecucionQueCuentaTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>
{
    private const int Anio = AvanceDemo.Anio;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PaginaPoi_MuestraMesAMesLoQueElMotorCuenta(bool mostrarEnviados)
    {
        await using var db = app.Base.Contexto();
        var entidad = await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad);
        entidad.Configurar(entidad.Configuracion with { MostrarEnviados = mostrarEnviados });
        await db.SaveChangesAsync();

        var vista = (await ConsultaPoi.CargarAsync(db, entidad.Id, Anio, default))!;
        var diferencias = new List<string>();
        for (var mes = 1; mes <= 12; mes++)
        {
            var motor = (await ConsultaEvaluacion.EvaluarAsync(db, DatosDemo.CodigoEntidad, Anio, Periodo.Mes(mes)))!
                .Actividades.ToDictionary(a => a.Codigo, a => a.Ejecutado);
            foreach (var a in vista.Actividades)
                if (motor.TryGetValue(a.Codigo, out var e) && e != a.Ejecutado[mes - 1])
                    diferencias.Add($"{a.Codigo} mes {mes}: página {a.Ejecutado[mes - 1]}, motor {e}");
        }
        Assert.Empty(diferencias);

        // November: registered by every centre, but counted only where it is approved (none) or submitted and shown.
        var noviembre = await (from s in db.Seguimientos
                               join c in db.CentrosCosto on s.CentroCostoId equals c.Id
                               where s.Anio == Anio && s.Mes == 11 && c.EntidadId == entidad.Id
                               select new { s.CentroCostoId, s.Estado }).ToListAsync();
        var registrados = await db.Avances.Where(v => v.Mes == 11 && v.EjecutadoFisico != null && db.Actividades.Any(a => a.Id == v.ActividadId && a.EntidadId == entidad.Id))
            .Select(v => v.ActividadId).ToListAsync();
        var conNoviembre = vista.Actividades.Where(a => registrados.Contains(a.Id)).ToList();
        Assert.Contains(conNoviembre, a => noviembre.Any(s => s.CentroCostoId == a.CentroCostoId && s.Estado == EstadoSeguimiento.Pendiente));
        foreach (var a in conNoviembre)
        {
            var estado = noviembre.SingleOrDefault(s => s.CentroCostoId == a.CentroCostoId)?.Estado ?? EstadoSeguimiento.Pendiente;
            Assert.Equal(MesesQueCuentan.Cuenta(estado, mostrarEnviados), a.Ejecutado[10] is not null);
        }
    }
}
