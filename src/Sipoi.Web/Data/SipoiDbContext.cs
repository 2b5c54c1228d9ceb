using System.Text;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Data.Mapeo;
using Sipoi.Web.Peis;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Data;

/// <summary>
/// The persistence of the whole planning chain. Mapping lives in Mapeo/ (fluent API) so the domain
/// stays free of EF; tables and columns are snake_case so SQL written by hand reads naturally.
/// Every table carries entidad_id: an entity's data can be read, exported or removed alone.
/// Users and roles are ASP.NET Core Identity's, in the same database (tables usuario, rol, usuario_rol…).
/// </summary>
public sealed partial class SipoiDbContext(DbContextOptions<SipoiDbContext> options) : IdentityDbContext<Usuario, Rol, int>(options)
{
    public DbSet<Entidad> Entidades => Set<Entidad>();
    public DbSet<UnidadEjecutora> UnidadesEjecutoras => Set<UnidadEjecutora>();
    public DbSet<CentroCosto> CentrosCosto => Set<CentroCosto>();
    public DbSet<FichaProceso> Fichas => Set<FichaProceso>();
    public DbSet<FichaAei> FichasAei => Set<FichaAei>();
    public DbSet<Pei> Peis => Set<Pei>();
    public DbSet<Oei> Oeis => Set<Oei>();
    public DbSet<Aei> Aeis => Set<Aei>();
    public DbSet<Indicador> Indicadores => Set<Indicador>();
    public DbSet<ValorIndicador> ValoresIndicador => Set<ValorIndicador>();
    public DbSet<EvidenciaIndicador> EvidenciasIndicador => Set<EvidenciaIndicador>();
    public DbSet<PlanGobierno> PlanesGobierno => Set<PlanGobierno>();
    public DbSet<ElementoPlanGobierno> ElementosPlanGobierno => Set<ElementoPlanGobierno>();
    public DbSet<AlineamientoPlanGobierno> AlineamientosPlanGobierno => Set<AlineamientoPlanGobierno>();
    public DbSet<DistritoMetaPlan> DistritosMetaPlan => Set<DistritoMetaPlan>();
    public DbSet<ValorMetaPlan> ValoresMetaPlan => Set<ValorMetaPlan>();
    public DbSet<Sipoi.Web.PlanesGobierno.EvidenciaMetaPlan> EvidenciasMetaPlan => Set<Sipoi.Web.PlanesGobierno.EvidenciaMetaPlan>();
    public DbSet<Poi> Pois => Set<Poi>();
    public DbSet<PoiVersion> PoiVersiones => Set<PoiVersion>();
    public DbSet<ActividadOperativa> Actividades => Set<ActividadOperativa>();
    public DbSet<ProgramacionActividad> Programaciones => Set<ProgramacionActividad>();
    public DbSet<MetaMensual> MetasMensuales => Set<MetaMensual>();
    public DbSet<ProgramacionFinanciera> ProgramacionesFinancieras => Set<ProgramacionFinanciera>();
    public DbSet<AvanceMensual> Avances => Set<AvanceMensual>();
    public DbSet<AvanceFinanciero> AvancesFinancieros => Set<AvanceFinanciero>();
    public DbSet<LineaPresupuesto> LineasPresupuesto => Set<LineaPresupuesto>();
    public DbSet<UsuarioCentroCosto> UsuariosCentroCosto => Set<UsuarioCentroCosto>();
    public DbSet<JefaturaCentro> Jefaturas => Set<JefaturaCentro>();
    public DbSet<EntradaAuditoria> Auditoria => Set<EntradaAuditoria>();
    public DbSet<SeguimientoMensual> Seguimientos => Set<SeguimientoMensual>();
    public DbSet<ArchivoEvidencia> Evidencias => Set<ArchivoEvidencia>();
    public DbSet<TokenApi> TokensApi => Set<TokenApi>();
    public DbSet<Sesion> Sesiones => Set<Sesion>();
    public DbSet<FormulacionCentro> FormulacionesCentro => Set<FormulacionCentro>();
    public DbSet<TechoPresupuestal> TechosPresupuestales => Set<TechoPresupuestal>();
    public DbSet<ProyeccionMultianual> ProyeccionesMultianuales => Set<ProyeccionMultianual>();
    public DbSet<ElementoCritico> ElementosCriticos => Set<ElementoCritico>();
    public DbSet<NecesidadActividad> NecesidadesActividad => Set<NecesidadActividad>();

    /// <summary>
    /// Set by the importer while it loads a whole file: it writes one audit row for the import instead
    /// of one per imported row (a municipality's year is thousands of rows).
    /// </summary>
    internal bool AuditoriaSuspendida { get; set; }

    /// <summary>
    /// Set by the importer when it loads a POI year that did not exist: inserts go under the import's summary row,
    /// while every change and delete (what the import replaces) is still logged value by value.
    /// </summary>
    internal bool AuditoriaSinAltas { get; set; }

    /// <summary>Audit rows of inserts waiting for their generated keys (see <see cref="InterceptorAuditoria"/>).</summary>
    internal PendienteAuditoria? PendienteAuditoria { get; set; }

    /// <summary>
    /// The audit rows the interceptor added for the save in progress: withdrawn when that save fails, so a retried
    /// unit of work (EstrategiaReintento) logs its changes once.
    /// </summary>
    internal List<EntradaAuditoria>? AuditoriaEnCurso { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Physical targets and soles: 18 digits with 4 decimals hold 17,009,620.80 and 92.6 % exactly.
        builder.Properties<decimal>().HavePrecision(18, 4);
    }

    /// <summary>
    /// Each table's mapping is in Mapeo/, one file per domain folder; what every table shares is applied
    /// here once: the foreign key of entidad_id (<see cref="ClaveDeEntidad"/>), how enums are stored
    /// (<see cref="AlmacenEnums"/>) and the snake_case names.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(SipoiDbContext).Assembly);
        ClaveDeEntidad.Aplicar(b);
        AlmacenEnums.Aplicar(b);
        UsarSnakeCase(b);
    }

    /// <summary>The shadow property (and system column) holding a row's version.</summary>
    public const string ColumnaVersion = "xmin";

    private static void UsarSnakeCase(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var p in entity.GetProperties())
            {
                // A name set in the mapping (the owned reopening's reapertura_* columns) is kept.
                if (p.FindAnnotation(RelationalAnnotationNames.ColumnName) is not null) continue;
                // An owned type shares its owner's key column; its other columns read well as plain
                // names (metodo, banda_medio_desde).
                if (entity.IsOwned() && p.IsPrimaryKey()) continue;
                p.SetColumnName(SnakeCase(p.Name));
            }
            if (entity.IsOwned()) continue;
            foreach (var k in entity.GetKeys()) k.SetName(SnakeCase(k.GetName() ?? ""));
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName(SnakeCase(fk.GetConstraintName() ?? ""));
            foreach (var ix in entity.GetIndexes()) ix.SetDatabaseName(SnakeCase(ix.GetDatabaseName() ?? ""));
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
