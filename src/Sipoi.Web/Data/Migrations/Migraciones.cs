using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sipoi.Web.Data.Migrations;

/// <summary>
/// Migrations are plain SQL files embedded in the assembly (0001_inicial.sql, 0002_…), each
/// applied by a small EF migration class so `Database.Migrate()` and __EFMigrationsHistory work
/// as usual. Why SQL: EF's design-time package does not restore on these machines, and SQL is what
/// a DBA reviews anyway. A test checks the migrated schema equals the EF model's.
/// </summary>
public abstract class MigracionSql(string archivo) : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Leer(archivo));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Las migraciones de SIPOI no se revierten; restaure una copia de seguridad.");

    internal static string Leer(string archivo)
    {
        var nombre = $"{typeof(MigracionSql).Assembly.GetName().Name}.Data.Migrations.{archivo}";
        using var s = typeof(MigracionSql).Assembly.GetManifestResourceStream(nombre)
            ?? throw new InvalidOperationException($"Falta la migración {archivo}.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

[DbContext(typeof(SipoiDbContext))]
[Migration("20261121000001_Inicial")]
public sealed class Inicial() : MigracionSql("0001_inicial.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261122000001_UsuariosAuditoria")]
public sealed class UsuariosAuditoria() : MigracionSql("0002_usuarios_auditoria.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261123000001_Seguimiento")]
public sealed class SeguimientoMensualYEvidencias() : MigracionSql("0003_seguimiento.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261123000002_TokensApi")]
public sealed class TokensPersonales() : MigracionSql("0004_tokens_api.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261124000001_AvanceFinanciero")]
public sealed class AvanceFinancieroPorGenerica() : MigracionSql("0005_avance_financiero.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261125000001_EvaluacionesRecomendaciones")]
public sealed class EvaluacionesYRecomendaciones() : MigracionSql("0006_evaluaciones_recomendaciones.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261127000001_Formulacion")]
public sealed class FormulacionYVersiones() : MigracionSql("0008_formulacion.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261129000001_CentroCostoActivo")]
public sealed class CentroCostoActivo() : MigracionSql("0009_centro_costo_activo.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261206000011_Sesiones")]
public sealed class SesionesDelServidor() : MigracionSql("0011_sesiones.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000012_PeriodosRepublicacion")]
public sealed class PeriodosYRepublicacion() : MigracionSql("0012_periodos_republicacion.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000013_PublicacionIncompleta")]
public sealed class PublicacionIncompleta() : MigracionSql("0013_publicacion_incompleta.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000014_RitmoJefatura")]
public sealed class RitmoReporteYJefatura() : MigracionSql("0014_ritmo_jefatura.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000015_Calendario")]
public sealed class CalendarioDeLaEntidad() : MigracionSql("0015_calendario.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000016_Avisos")]
public sealed class AvisosPorCorreo() : MigracionSql("0016_avisos.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000017_Narrativa")]
public sealed class NarrativaDelInforme() : MigracionSql("0017_narrativa.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000018_ValoresIndicadorDelResponsable")]
public sealed class ValoresIndicadorDelResponsable() : MigracionSql("0018_valores_indicador.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000019_AvisosCalendario")]
public sealed class AvisosDelCalendario() : MigracionSql("0019_avisos_calendario.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000022_DocumentoOficial")]
public sealed class DocumentoOficialFirmado() : MigracionSql("0022_documento_oficial.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000020_RecomendacionesResponsables")]
public sealed class ResponsablesDeRecomendaciones() : MigracionSql("0020_recomendaciones_responsables.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000021_TextosInstitucionales")]
public sealed class TextosDeLaEntidad() : MigracionSql("0021_textos_institucionales.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000024_PorcentajesEnteros")]
public sealed class PorcentajesEnterosEnReportes() : MigracionSql("0024_porcentajes_enteros.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000025_ClavesProteccionDatos")]
public sealed class ClavesDeProteccionDeDatos() : MigracionSql("0025_claves_proteccion_datos.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000027_DetalleActividad")]
public sealed class DetalleDeLaActividad() : MigracionSql("0027_detalle_actividad.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000028_PresupuestoAnual")]
public sealed class PresupuestoDelAnio() : MigracionSql("0028_presupuesto_anual.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000030_PortadaInforme")]
public sealed class PortadaDelInforme() : MigracionSql("0030_portada_informe.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261207000029_MetasPlanGobierno")]
public sealed class MetasDelPlanDeGobierno() : MigracionSql("0029_metas_plan_gobierno.sql");

[DbContext(typeof(SipoiDbContext))]
[Migration("20261208000031_ProgramacionAprobada")]
public sealed class ProgramacionAprobadaSinCambios() : MigracionSql("0031_programacion_aprobada.sql");
