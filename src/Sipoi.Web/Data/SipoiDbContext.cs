using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Presupuesto;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Auditoria;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Seguridad;

namespace Sipoi.Web.Data;

/// <summary>
/// The persistence of the whole planning chain. Mapping lives here (fluent API) so the domain
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
    public DbSet<PlanGobierno> PlanesGobierno => Set<PlanGobierno>();
    public DbSet<ElementoPlanGobierno> ElementosPlanGobierno => Set<ElementoPlanGobierno>();
    public DbSet<AlineamientoPlanGobierno> AlineamientosPlanGobierno => Set<AlineamientoPlanGobierno>();
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
    public DbSet<EntradaAuditoria> Auditoria => Set<EntradaAuditoria>();
    public DbSet<SeguimientoMensual> Seguimientos => Set<SeguimientoMensual>();
    public DbSet<ArchivoEvidencia> Evidencias => Set<ArchivoEvidencia>();
    public DbSet<TokenApi> TokensApi => Set<TokenApi>();
    public DbSet<Sesion> Sesiones => Set<Sesion>();
    public DbSet<FormulacionCentro> FormulacionesCentro => Set<FormulacionCentro>();
    public DbSet<TechoPresupuestal> TechosPresupuestales => Set<TechoPresupuestal>();
    public DbSet<ProyeccionMultianual> ProyeccionesMultianuales => Set<ProyeccionMultianual>();

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

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Physical targets and soles: 18 digits with 4 decimals hold 17,009,620.80 and 92.6 % exactly.
        builder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        ConfigurarIdentidad(b);
        ConfigurarInformes(b);

        b.Entity<Entidad>(e =>
        {
            e.ToTable("entidad");
            e.HasIndex(x => x.Codigo).IsUnique();
            e.Property(x => x.Codigo).HasMaxLength(40);
            e.OwnsOne(x => x.Configuracion, c =>
            {
                c.Property(x => x.Metodo).HasConversion<string>().HasMaxLength(20);
                c.Property(x => x.EtiquetaBajo).HasMaxLength(60);
                c.Property(x => x.EtiquetaMedio).HasMaxLength(60);
                c.Property(x => x.EtiquetaAlto).HasMaxLength(60);
                c.Property(x => x.LeyendaBajo).HasMaxLength(120);
                c.Property(x => x.LeyendaMedio).HasMaxLength(120);
                c.Property(x => x.LeyendaAlto).HasMaxLength(120);
            });
            e.Navigation(x => x.Configuracion).IsRequired();
        });

        b.Entity<UnidadEjecutora>(e =>
        {
            e.ToTable("unidad_ejecutora");
            e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
        });

        b.Entity<CentroCosto>(e =>
        {
            e.ToTable("centro_costo");
            e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<UnidadEjecutora>().WithMany().HasForeignKey(x => x.UnidadEjecutoraId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.PadreId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.Nivel);
            // The SQL column defaults to true for existing rows; no HasDefaultValue here, or EF would omit a false on insert.
            e.Property(x => x.Activo);
        });

        b.Entity<FichaProceso>(e =>
        {
            e.ToTable("ficha_proceso");
            e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Aeis).WithOne().HasForeignKey(x => x.FichaId);
        });

        b.Entity<FichaAei>(e =>
        {
            e.ToTable("ficha_aei");
            e.HasKey(x => new { x.FichaId, x.AeiId });
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Pei>(e =>
        {
            e.ToTable("pei");
            e.HasIndex(x => new { x.EntidadId, x.Codigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Pei>().WithMany().HasForeignKey(x => x.PeiAnteriorId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(30);
            e.HasMany(x => x.Oeis).WithOne().HasForeignKey(x => x.PeiId);
            e.Ignore(x => x.Aeis);
        });

        b.Entity<Oei>(e =>
        {
            e.ToTable("oei");
            e.HasIndex(x => new { x.PeiId, x.Codigo }).IsUnique();
            e.HasIndex(x => new { x.PeiId, x.Prioridad }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasMany(x => x.Aeis).WithOne().HasForeignKey(x => x.OeiId);
            e.HasMany(x => x.Indicadores).WithOne().HasForeignKey(x => x.OeiId);
        });

        b.Entity<Aei>(e =>
        {
            e.ToTable("aei");
            e.HasIndex(x => new { x.OeiId, x.Codigo }).IsUnique();
            e.HasIndex(x => new { x.OeiId, x.Prioridad }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasMany(x => x.Indicadores).WithOne().HasForeignKey(x => x.AeiId);
        });

        b.Entity<Indicador>(e =>
        {
            e.ToTable("indicador", t => t.HasCheckConstraint("ck_indicador_oei_o_aei", "(oei_id IS NULL) <> (aei_id IS NULL)"));
            e.HasIndex(x => new { x.EntidadId, x.Codigo });
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoResponsableId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Sentido).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Valores).WithOne().HasForeignKey(x => x.IndicadorId);
        });

        b.Entity<ValorIndicador>(e =>
        {
            e.ToTable("valor_indicador");
            e.HasIndex(x => new { x.IndicadorId, x.Anio, x.Periodo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.LogroEsperado).HasPrecision(20, 6);
            e.Property(x => x.ValorObtenido).HasPrecision(20, 6);
        });

        b.Entity<PlanGobierno>(e =>
        {
            e.ToTable("plan_gobierno");
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasMany(x => x.Elementos).WithOne().HasForeignKey(x => x.PlanGobiernoId);
        });

        b.Entity<ElementoPlanGobierno>(e =>
        {
            e.ToTable("elemento_plan_gobierno");
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<ElementoPlanGobierno>().WithMany().HasForeignKey(x => x.PadreId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Nivel).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Alineamientos).WithOne().HasForeignKey(x => x.ElementoPlanGobiernoId);
        });

        b.Entity<AlineamientoPlanGobierno>(e =>
        {
            e.ToTable("alineamiento_plan_gobierno");
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Oei>().WithMany().HasForeignKey(x => x.OeiId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Poi>(e =>
        {
            e.ToTable("poi");
            e.HasIndex(x => new { x.EntidadId, x.Anio }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Pei>().WithMany().HasForeignKey(x => x.PeiId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Versiones).WithOne().HasForeignKey(x => x.PoiId);
            e.Ignore(x => x.VersionVigente);
        });

        b.Entity<PoiVersion>(e =>
        {
            e.ToTable("poi_version");
            e.HasIndex(x => new { x.PoiId, x.Numero }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Tipo).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(20);
        });

        b.Entity<ActividadOperativa>(e =>
        {
            e.ToTable("actividad");
            e.HasIndex(x => new { x.PoiId, x.Codigo }).IsUnique();
            e.HasIndex(x => new { x.EntidadId, x.CentroCostoId });
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Poi>().WithMany().HasForeignKey(x => x.PoiId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Aei>().WithMany().HasForeignKey(x => x.AeiId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FichaProceso>().WithMany().HasForeignKey(x => x.FichaId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Tipo).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Avances).WithOne().HasForeignKey(x => x.ActividadId);
            e.HasMany(x => x.AvancesFinancieros).WithOne().HasForeignKey(x => x.ActividadId);
        });

        b.Entity<ProgramacionActividad>(e =>
        {
            e.ToTable("programacion");
            e.HasIndex(x => new { x.PoiVersionId, x.ActividadId }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<ActividadOperativa>().WithMany().HasForeignKey(x => x.ActividadId);
            e.HasOne<PoiVersion>().WithMany().HasForeignKey(x => x.PoiVersionId);
            e.Property(x => x.Comportamiento).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Metas).WithOne().HasForeignKey(x => x.ProgramacionId);
            e.HasMany(x => x.Financiera).WithOne().HasForeignKey(x => x.ProgramacionId);
            e.Ignore(x => x.MetaAnual);
        });

        b.Entity<MetaMensual>(e =>
        {
            e.ToTable("meta_mensual", t => t.HasCheckConstraint("ck_meta_mensual_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.ProgramacionId, x.Mes }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
        });

        b.Entity<ProgramacionFinanciera>(e =>
        {
            e.ToTable("programacion_financiera", t => t.HasCheckConstraint("ck_programacion_financiera_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.ProgramacionId, x.Generica, x.Mes }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Generica).HasMaxLength(20);
        });

        b.Entity<AvanceMensual>(e =>
        {
            e.ToTable("avance_mensual", t => t.HasCheckConstraint("ck_avance_mensual_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.ActividadId, x.Mes }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Logros).HasMaxLength(4000);
            e.Property(x => x.Dificultades).HasMaxLength(4000);
            e.Property(x => x.MedidasCorrectivas).HasMaxLength(4000);
            VersionDeFila(e);
        });

        b.Entity<SeguimientoMensual>(e =>
        {
            e.ToTable("seguimiento_mensual", t => t.HasCheckConstraint("ck_seguimiento_mensual_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.PoiId, x.CentroCostoId, x.Mes }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasIndex(x => x.CentroCostoId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Poi>().WithMany().HasForeignKey(x => x.PoiId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Observacion).HasMaxLength(SeguimientoMensual.LargoMaximoObservacion);
            e.Property(x => x.EnviadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Property(x => x.RevisadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Property(x => x.UltimoCambioPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Property(x => x.UltimaAccion).HasMaxLength(20)
                .HasConversion(new ValueConverter<AccionAuditada, string>(a => a.Codigo(), c => Acciones.DeCodigo(c)));
            e.Ignore(x => x.MesDelAnio);
            // The reopening in force, in the month's own row (columns reapertura_*); null when never reopened.
            e.OwnsOne(x => x.Reapertura, r =>
            {
                r.Property(x => x.Motivo).HasColumnName("reapertura_motivo").HasMaxLength(Reapertura.LargoMaximoMotivo);
                r.Property(x => x.NuevoPlazo).HasColumnName("reapertura_nuevo_plazo");
                r.Property(x => x.Usuario).HasColumnName("reapertura_usuario").HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
                r.Property(x => x.Fecha).HasColumnName("reapertura_fecha");
            });
            VersionDeFila(e);
        });

        b.Entity<ArchivoEvidencia>(e =>
        {
            e.ToTable("evidencia", t => t.HasCheckConstraint("ck_evidencia_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.ActividadId, x.Mes, x.Nombre }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<ActividadOperativa>().WithMany().HasForeignKey(x => x.ActividadId);
            e.Property(x => x.Nombre).HasMaxLength(Evidencia.LargoMaximoNombre);
            e.Property(x => x.Tipo).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.SubidoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Ignore(x => x.Mime);
        });

        b.Entity<AvanceFinanciero>(e =>
        {
            e.ToTable("avance_financiero", t => t.HasCheckConstraint("ck_avance_financiero_mes", "mes BETWEEN 1 AND 12"));
            e.HasIndex(x => new { x.ActividadId, x.Generica, x.Mes }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Generica).HasMaxLength(20);
        });

        b.Entity<LineaPresupuesto>(e =>
        {
            e.ToTable("linea_presupuesto");
            e.HasIndex(x => new { x.EntidadId, x.Anio, x.Tipo, x.Codigo }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.Property(x => x.Tipo).HasConversion<string>().HasMaxLength(20);
        });

        b.Entity<EntradaAuditoria>(e =>
        {
            // Append-only (trigger in migration 0002). No foreign key to entidad on purpose: the log outlives what it describes.
            e.ToTable("registro_auditoria");
            e.HasIndex(x => new { x.EntidadId, x.Momento });
            e.Property(x => x.Usuario).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Property(x => x.Tabla).HasMaxLength(EntradaAuditoria.LargoMaximoTabla);
            e.Property(x => x.Clave).HasMaxLength(EntradaAuditoria.LargoMaximoClave);
            e.Property(x => x.Campo).HasMaxLength(EntradaAuditoria.LargoMaximoCampo);
            e.Property(x => x.Accion).HasMaxLength(20).HasConversion(a => a.Codigo(), c => Acciones.DeCodigo(c));
        });

        ConfigurarFormulacion(b);
        UsarSnakeCase(b);
    }

    /// <summary>Drafting and approval of POI versions (migration 0008, Formulacion/README.md).</summary>
    private static void ConfigurarFormulacion(ModelBuilder b)
    {
        b.Entity<ProgramacionActividad>().HasMany(x => x.Proyecciones).WithOne().HasForeignKey(x => x.ProgramacionId);
        b.Entity<ProyeccionMultianual>(e =>
        {
            e.ToTable("proyeccion_multianual");
            e.HasIndex(x => new { x.ProgramacionId, x.Anio }).IsUnique();
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
        });
        b.Entity<FormulacionCentro>(e =>
        {
            e.ToTable("formulacion_centro");
            e.HasIndex(x => new { x.PoiVersionId, x.CentroCostoId }).IsUnique();
            e.HasIndex(x => x.EntidadId);
            e.HasIndex(x => x.CentroCostoId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<PoiVersion>().WithMany().HasForeignKey(x => x.PoiVersionId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.Estado).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Observacion).HasMaxLength(FormulacionCentro.LargoMaximoObservacion);
            e.Property(x => x.EnviadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Property(x => x.RevisadoPor).HasMaxLength(EntradaAuditoria.LargoMaximoUsuario);
            e.Ignore(x => x.Editable);
        });
        b.Entity<TechoPresupuestal>(e =>
        {
            e.ToTable("techo_presupuestal");
            e.HasIndex(x => new { x.EntidadId, x.Anio, x.CentroCostoId }).IsUnique();
            e.HasIndex(x => x.CentroCostoId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>
    /// Identity's tables under Spanish names. Key lengths are fixed here so the model is the same
    /// whether the context comes from the app's services or is built by hand (Identity otherwise
    /// reads them from its options).
    /// </summary>
    private static void ConfigurarIdentidad(ModelBuilder b)
    {
        b.Entity<Usuario>(e =>
        {
            e.ToTable("usuario");
            e.HasIndex(x => x.NormalizedUserName).HasDatabaseName("ix_usuario_normalized_user_name");
            e.HasIndex(x => x.NormalizedEmail).HasDatabaseName("ix_usuario_normalized_email");
            e.Property(x => x.NombreCompleto).HasMaxLength(200);
            e.Property(x => x.PhoneNumber).HasMaxLength(256);
            e.HasIndex(x => x.EntidadId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasMany(x => x.Centros).WithOne().HasForeignKey(x => x.UsuarioId);
        });
        b.Entity<Rol>(e =>
        {
            e.ToTable("rol");
            e.HasIndex(x => x.NormalizedName).HasDatabaseName("ix_rol_normalized_name");
        });
        b.Entity<IdentityUserRole<int>>(e => e.ToTable("usuario_rol"));
        b.Entity<IdentityUserClaim<int>>(e => e.ToTable("usuario_claim"));
        b.Entity<IdentityRoleClaim<int>>(e => e.ToTable("rol_claim"));
        b.Entity<IdentityUserLogin<int>>(e =>
        {
            e.ToTable("usuario_login");
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.ProviderKey).HasMaxLength(128);
        });
        b.Entity<IdentityUserToken<int>>(e =>
        {
            e.ToTable("usuario_token");
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(128);
        });
        b.Entity<TokenApi>(e =>
        {
            e.ToTable("token_api");
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UsuarioId);
            e.HasIndex(x => x.EntidadId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Usuario>().WithMany().HasForeignKey(x => x.UsuarioId);
            e.Property(x => x.Nombre).HasMaxLength(TokenApi.LargoMaximoNombre);
            e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
            e.Ignore(x => x.Activo);
        });
        b.Entity<Sesion>(e =>
        {
            e.ToTable("sesion");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.UsuarioId);
            e.HasIndex(x => x.EntidadId);
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<Usuario>().WithMany().HasForeignKey(x => x.UsuarioId);
        });
        b.Entity<UsuarioCentroCosto>(e =>
        {
            e.ToTable("usuario_centro_costo");
            e.HasKey(x => new { x.UsuarioId, x.CentroCostoId });
            e.HasOne<Entidad>().WithMany().HasForeignKey(x => x.EntidadId);
            e.HasOne<CentroCosto>().WithMany().HasForeignKey(x => x.CentroCostoId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>
    /// PostgreSQL's xmin (the id of the transaction that last wrote the row) as optimistic concurrency
    /// token: no column to add, and every UPDATE of the row changes it. Shadow property, so the domain
    /// stays free of storage concerns; read it with <c>Entry(x).Property&lt;uint&gt;("xmin")</c>.
    /// </summary>
    private static void VersionDeFila<T>(EntityTypeBuilder<T> e) where T : class =>
        e.Property<uint>(ColumnaVersion).IsRowVersion();

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
