using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sipoi.Web.Auditoria;

namespace Sipoi.Web.Data.Mapeo;

/// <summary>
/// Every table carries entidad_id so an entity's data can be read, exported or removed alone; this is where
/// that column gets its foreign key to entidad, for every mapped type that has it, so no mapping repeats it and
/// a new table cannot forget it. Its index comes from EF's foreign-key convention, which leaves it out where a
/// composite index starting with entidad_id already serves (unidad_ejecutora's (entidad_id, codigo), for one).
/// </summary>
internal static class ClaveDeEntidad
{
    public const string Propiedad = "EntidadId";

    /// <summary>The audit log outlives what it describes: no foreign key on purpose.</summary>
    private static readonly Type[] SinClave = [typeof(EntradaAuditoria)];

    public static void Aplicar(ModelBuilder b)
    {
        var tipos = b.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(Entidad) && !SinClave.Contains(t.ClrType) && t.FindProperty(Propiedad) is not null)
            .Select(t => t.ClrType)
            .ToList();
        foreach (var tipo in tipos) b.Entity(tipo).HasOne(typeof(Entidad)).WithMany().HasForeignKey(Propiedad);
    }
}

internal static class VersionDeFila
{
    /// <summary>
    /// PostgreSQL's xmin (the id of the transaction that last wrote the row) as optimistic concurrency
    /// token: no column to add, and every UPDATE of the row changes it. Shadow property, so the domain
    /// stays free of storage concerns; read it with <c>Entry(x).Property&lt;uint&gt;("xmin")</c>.
    /// </summary>
    public static void ConVersionDeFila<T>(this EntityTypeBuilder<T> e) where T : class =>
        e.Property<uint>(SipoiDbContext.ColumnaVersion).IsRowVersion();
}

/// <summary>
/// How every enum column is stored, decided here once. An enum is stored as its member name, in varchar(20) unless
/// its mapping gives another length: SQL written by hand reads it, and reordering the enum cannot change stored
/// data. Two exceptions: the audit action is stored by its code ("alta", "envio"…, <see cref="Acciones"/>), the
/// words the audit log has always held; an indicator's period by its number (0 the year, 1 and 2 the semesters).
/// </summary>
internal static class AlmacenEnums
{
    public const int LargoPorDefecto = 20;

    private static readonly Type[] ComoNumero = [typeof(PeriodoIndicador)];

    private static readonly ValueConverter<AccionAuditada, string> AccionPorCodigo = new(a => a.Codigo(), c => Acciones.DeCodigo(c));

    public static void Aplicar(ModelBuilder b)
    {
        foreach (var p in b.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()))
        {
            var tipo = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            if (!tipo.IsEnum || ComoNumero.Contains(tipo)) continue;
            if (tipo == typeof(AccionAuditada))
            {
                p.SetProviderClrType(null);
                p.SetValueConverter(AccionPorCodigo);
            }
            else
            {
                p.SetValueConverter((ValueConverter?)null);
                p.SetProviderClrType(typeof(string));
            }
            p.SetMaxLength(p.GetMaxLength() ?? LargoPorDefecto);
        }
    }
}
