using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// An approved version's programming is read once per node (ProgramacionDelCentro): kept by database, version id, the version
/// row's xmin and centre. A draft in force is read every time; a rewritten version row (a restore, a new approval) is read anew.
/// Its own fixture: the tests rewrite rows of the demo's POI with SQL.
/// </summary>
public sealed class ProgramacionDelCentroTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private const string Entidad = "EMSAPUNO";

    [Fact]
    public async Task VersionAprobada_SeLeeUnaVez_YLaReescrituraDeSuFilaLaVuelveALeer()
    {
        const int anio = 2024;
        var (a, b) = await DosLecturasAsync(anio, "01.01");
        Assert.Equal(EstadoVersionPoi.Aprobada, await EstadoVigenteAsync(anio));
        Assert.NotEmpty(a.Filas);
        // The same objects: nothing read from the database the second time.
        Assert.All(a.Filas.Zip(b.Filas), x => Assert.Same(x.First.Programacion, x.Second.Programacion));

        // A restore (or anything else) that rewrites the version row changes its xmin: what was kept is not used again. (The
        // database refuses to change an approved version's targets — the last test — so this one turns the guard off, as a
        // restore's own load would not run into it.)
        var fila = a.Filas[0];
        var antes = fila.Programacion.ProgramadoFisico();
        await app.Base.SinGuardaDeProgramacionAprobadaAsync(() =>
            SqlAsync($"UPDATE meta_mensual SET fisico = fisico + 1 WHERE programacion_id = {fila.Programacion.Id} AND mes = 1"));
        await SqlAsync($"UPDATE poi_version SET etiqueta = etiqueta WHERE id = {fila.Programacion.PoiVersionId}");
        var (c, _) = await DosLecturasAsync(anio, "01.01");
        var nueva = c.Filas.Single(f => f.Actividad.Id == fila.Actividad.Id).Programacion;
        Assert.NotSame(fila.Programacion, nueva);
        Assert.Equal(antes[0] + 1, nueva.ProgramadoFisico()[0]);
        Assert.Equal(antes[1..], nueva.ProgramadoFisico()[1..]);
    }

    [Fact]
    public async Task VersionEnBorradorVigente_SeLeeCadaVez()
    {
        // A POI with no approved version yet: its draft is in force and its targets may change between two reads. (The demo's
        // 2024 POI made a draft here, and approved again afterwards: the other tests of the class read it approved.)
        const int anio = 2024;
        var delPoi = $"poi_id = (SELECT p.id FROM poi p JOIN entidad e ON e.id = p.entidad_id WHERE e.codigo = '{Entidad}' AND p.anio = {anio})";
        await SqlAsync($"UPDATE poi_version SET estado = 'Borrador' WHERE {delPoi}");
        try
        {
            Assert.Equal(EstadoVersionPoi.Borrador, await EstadoVigenteAsync(anio));
            var (a, b) = await DosLecturasAsync(anio, "01.01");
            Assert.NotEmpty(a.Filas);
            Assert.All(a.Filas.Zip(b.Filas), x => Assert.NotSame(x.First.Programacion, x.Second.Programacion));

            var fila = a.Filas[0];
            await SqlAsync($"UPDATE meta_mensual SET fisico = fisico + 5 WHERE programacion_id = {fila.Programacion.Id} AND mes = 2");
            var (c, _) = await DosLecturasAsync(anio, "01.01");
            Assert.Equal(fila.Programacion.ProgramadoFisico()[1] + 5,
                c.Filas.Single(f => f.Actividad.Id == fila.Actividad.Id).Programacion.ProgramadoFisico()[1]);
        }
        finally
        {
            await SqlAsync($"UPDATE poi_version SET estado = 'Aprobada' WHERE {delPoi}");
        }
    }

    [Fact]
    public async Task OtraBaseDeDatos_NoUsaLoQueSeLeyoDeEsta()
    {
        // Two databases of one cluster (the tests' fixtures, a second deployment) may hold the same ids: the key has the database.
        var otra = new AppDePrueba();
        await otra.InitializeAsync();
        try
        {
            await using var aqui = app.Base.Contexto();
            await using var alla = otra.Base.Contexto();
            var a = (await MesSeguimiento.CargarAsync(aqui, Entidad, 2024, 3, "01.01", default, soloLectura: true))!;
            var b = (await MesSeguimiento.CargarAsync(alla, Entidad, 2024, 3, "01.01", default, soloLectura: true))!;
            Assert.Equal(a.Filas.Select(f => f.Programacion.PoiVersionId), b.Filas.Select(f => f.Programacion.PoiVersionId));
            Assert.All(a.Filas.Zip(b.Filas), x => Assert.NotSame(x.First.Programacion, x.Second.Programacion));
        }
        finally
        {
            await ((IAsyncLifetime)otra).DisposeAsync();
        }
    }

    [Fact]
    public async Task LaBaseRechaza_CambiarOBorrarLaProgramacionDeUnaVersionAprobada_YNoCambiaNada()
    {
        await using var db = app.Base.Contexto();
        var m = (await MesSeguimiento.CargarAsync(db, Entidad, 2024, 3, "01.01", default, soloLectura: true))!;
        var p = m.Filas[0].Programacion;
        Assert.Equal(EstadoVersionPoi.Aprobada, await EstadoVigenteAsync(2024));
        string Huella() => string.Join(",", db.MetasMensuales.AsNoTracking().Where(x => x.ProgramacionId == p.Id).OrderBy(x => x.Mes)
            .Select(x => $"{x.Mes}:{x.Fisico}:{x.Financiero}").ToList()) + $"|{db.Programaciones.AsNoTracking().Single(x => x.Id == p.Id).Peso}";
        var antes = Huella();

        foreach (var sql in new[]
                 {
                     $"UPDATE meta_mensual SET fisico = fisico + 1 WHERE programacion_id = {p.Id} AND mes = 1",
                     $"UPDATE programacion SET peso = peso + 1 WHERE id = {p.Id}",
                     $"DELETE FROM meta_mensual WHERE programacion_id = {p.Id} AND mes = 2",
                     // The activity's row goes too (cascade): the version stays, so the commit is refused.
                     $"DELETE FROM programacion WHERE id = {p.Id}",
                 })
        {
            var e = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => SqlAsync(sql));
            Assert.Equal(Npgsql.PostgresErrorCodes.IntegrityConstraintViolation, e.SqlState);
            Assert.Contains("versión aprobada", e.MessageText);
        }
        Assert.Equal(antes, Huella());
    }

    private async Task<(MesSeguimiento, MesSeguimiento)> DosLecturasAsync(int anio, string centro)
    {
        await using var uno = app.Base.Contexto();
        await using var dos = app.Base.Contexto();
        // One read-only (the API's GET and save), one tracked (the grid's save, submissions, reviews): the same programming.
        var a = await MesSeguimiento.CargarAsync(uno, Entidad, anio, 3, centro, default, soloLectura: true);
        var b = await MesSeguimiento.CargarAsync(dos, Entidad, anio, 3, centro, default);
        Assert.NotNull(a);
        Assert.NotNull(b);
        return (a, b);
    }

    private async Task<EstadoVersionPoi> EstadoVigenteAsync(int anio)
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        return poi.VersionVigente!.Estado;
    }

    private async Task SqlAsync(string sql)
    {
        await using var db = app.Base.Contexto();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
