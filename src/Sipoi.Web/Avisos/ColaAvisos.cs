using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Administracion;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Avisos;

/// <summary>
/// Puts notices in the outbox. The event notices (observed, reopened, published) are added to the caller's context, so
/// they are saved by the caller's SaveChanges in the same transaction as the event: no event without its notice, no
/// notice for an event that was rolled back. The scan's notices go in with INSERT … ON CONFLICT (clave) DO NOTHING, so
/// two scans (or two nodes) queue each one once.
/// </summary>
public static class ColaAvisos
{
    public const string PaginaSeguimiento = "/Seguimiento/Mes";
    public const string PaginaEvaluacion = "/Informes/Detalle";
    public const string PaginaRecomendaciones = "/Informes/Recomendaciones";
    public const string PaginaCalendario = "/Calendario/Index";
    public const string PaginaFormulacion = "/Formulacion/Index";

    /// <summary>After the planning office (or the centre's head) observed, or the office reopened, <paramref name="m"/> (before the caller saves): one notice per operator of the centre.</summary>
    public static async Task AlRevisarAsync(SipoiDbContext db, MesSeguimiento m, AccionRevision accion, DateTimeOffset ahora, CancellationToken ct)
    {
        var centro = NombreCentro(m.Centro);
        TipoAviso tipo;
        MensajeAviso mensaje;
        if (accion is AccionRevision.Observar or AccionRevision.ObservarJefatura)
            (tipo, mensaje) = (TipoAviso.MesObservado, RedaccionAvisos.MesObservado(m.MesDelAnio, centro, m.Seguimiento.Observacion ?? "",
                m.Plazo, Plazos.Vencido(m.Plazo, Plazos.Hoy(ahora))));
        else if (accion == AccionRevision.Reabrir && m.Seguimiento.Reapertura is { } r)
            (tipo, mensaje) = (TipoAviso.MesReabierto, RedaccionAvisos.MesReabierto(m.MesDelAnio, centro, r.Motivo, m.Plazo));
        else return;
        var objeto = $"poi={Num(m.PoiId)}:centro={Num(m.Centro.Id)}:mes={Num(m.Mes)}";
        var ruta = RutaSeguimiento(m.Entidad.Codigo, m.Anio, m.Mes, m.Centro.Codigo);
        foreach (var u in await DestinatariosAsync(db, m.Entidad.Id, tipo.Destino(), m.Centro.Id, ahora, ct))
            db.Add(new AvisoCorreo(m.Entidad.Id, u, tipo, ClavesAviso.DeEvento(tipo, objeto, ahora, u), mensaje, PaginaSeguimiento, ruta, ahora));
    }

    /// <summary>After <paramref name="evaluacion"/> was published (before the caller saves): one notice per planner and consulta user.</summary>
    public static async Task AlPublicarAsync(SipoiDbContext db, EvaluacionPoi evaluacion, DateTimeOffset ahora, CancellationToken ct)
    {
        var entidad = await db.Entidades.Where(e => e.Id == evaluacion.EntidadId).Select(e => new { e.Codigo, e.Nombre }).SingleAsync(ct);
        var mensaje = RedaccionAvisos.EvaluacionPublicada(evaluacion.Nombre, entidad.Nombre, Plazos.Hoy(evaluacion.PublicadaEn ?? ahora),
            evaluacion.Documento);
        var ruta = new Dictionary<string, string>
        {
            ["entidad"] = entidad.Codigo,
            ["anio"] = Num(evaluacion.Anio),
            ["periodo"] = evaluacion.PeriodoCodigo,
        };
        const TipoAviso tipo = TipoAviso.EvaluacionPublicada;
        var objeto = $"entidad={Num(evaluacion.EntidadId)}:anio={Num(evaluacion.Anio)}:periodo={evaluacion.PeriodoCodigo}";
        foreach (var u in await DestinatariosAsync(db, evaluacion.EntidadId, tipo.Destino(), null, ahora, ct))
            db.Add(new AvisoCorreo(evaluacion.EntidadId, u, tipo, ClavesAviso.DeEvento(tipo, objeto, ahora, u), mensaje, PaginaEvaluacion, ruta, ahora));
    }

    /// <summary>The users a notice goes to: active (not deactivated) users of the entity with the roles the domain names.</summary>
    /// <param name="centroCostoId">For <see cref="DestinoAviso.OperadoresDelCentro"/>: the centre.</param>
    public static async Task<List<int>> DestinatariosAsync(SipoiDbContext db, int entidadId, DestinoAviso destino, int? centroCostoId,
        DateTimeOffset ahora, CancellationToken ct)
    {
        string[] roles = destino switch
        {
            DestinoAviso.OperadoresDelCentro => [Roles.Operador],
            DestinoAviso.Planificadores => [Roles.Planificador],
            _ => [Roles.Planificador, Roles.Consulta],
        };
        var consulta = db.Users.AsNoTracking().Where(u => u.EntidadId == entidadId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
        if (destino == DestinoAviso.OperadoresDelCentro)
            consulta = consulta.Where(u => db.UsuariosCentroCosto.Any(c => c.UsuarioId == u.Id && c.CentroCostoId == centroCostoId));
        var usuarios = await consulta.OrderBy(u => u.Id).Select(u => new { u.Id, u.LockoutEnd }).ToListAsync(ct);
        return usuarios.Where(u => CuentasUsuario.EstadoDe(u.LockoutEnd, ahora) != CuentasUsuario.Estado.Desactivado).Select(u => u.Id).ToList();
    }

    /// <summary>Queues each notice unless one with its key is already there (any state); returns how many went in.</summary>
    public static async Task<int> EncolarSinRepetirAsync(SipoiDbContext db, IEnumerable<AvisoCorreo> avisos, CancellationToken ct)
    {
        var nuevos = 0;
        foreach (var a in avisos)
        {
            nuevos += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO aviso_correo (entidad_id, usuario_id, tipo, clave, asunto, cuerpo, pagina, ruta, estado, creado_en, proximo_intento, intentos)
                VALUES ({a.EntidadId}, {a.UsuarioId}, {a.Tipo.ToString()}, {a.Clave}, {a.Asunto}, {a.Cuerpo}, {a.Pagina}, {a.Ruta},
                        {a.Estado.ToString()}, {a.CreadoEn}, {a.ProximoIntento}, 0)
                ON CONFLICT (clave) DO NOTHING
                """, ct);
        }
        return nuevos;
    }

    public static Dictionary<string, string> RutaSeguimiento(string entidad, int anio, int mes, string centro) => new()
    {
        ["entidad"] = entidad,
        ["anio"] = Num(anio),
        ["mes"] = Num(mes),
        ["centro"] = centro,
    };

    /// <summary>"01.02 OFICINA DE PLANEAMIENTO …": how a notice names a cost centre.</summary>
    public static string NombreCentro(CentroCosto c) => NombreCentro(c.Codigo, c.Nombre);

    public static string NombreCentro(string codigo, string nombre) => $"{codigo} {nombre}";

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
