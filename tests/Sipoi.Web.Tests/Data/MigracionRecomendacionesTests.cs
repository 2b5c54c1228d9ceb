using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Data;

/// <summary>Migration 0020 moves each recommendation's single responsible centre into its responsible units, losing none.</summary>
public sealed class MigracionRecomendacionesTests
{
    [Fact]
    public async Task Migracion0020_ElCentroDeCadaRecomendacionPasaASerSuUnidadResponsable()
    {
        await using var bd = await BaseDePrueba.CrearAsync();
        await using (var db = bd.Contexto()) await db.GetService<IMigrator>().MigrateAsync("20261207000019_AvisosCalendario");

        // Rows written with the schema of migration 0019 (one centro_costo_id column per recommendation).
        int centroA, centroB;
        await using (var c = new NpgsqlConnection(bd.Conexion))
        {
            await c.OpenAsync();
            async Task<int> IdAsync(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, c);
                return (int)(await cmd.ExecuteScalarAsync())!;
            }
            var entidad = await IdAsync("""
                INSERT INTO entidad (codigo, nombre, metodo, banda_medio_desde, banda_alto_desde, etiqueta_bajo, etiqueta_medio, etiqueta_alto,
                    tolerancia_inferior, tolerancia_superior, dias_cierre, mostrar_enviados, ritmo_reporte, validacion_jefatura)
                VALUES ('PRUEBA', 'Entidad de prueba', 'Ceplan', 70, 90, 'Bajo', 'Medio', 'Alto', 90, 110, 10, false, 'Mensual', false) RETURNING id
                """);
            centroA = await IdAsync($"INSERT INTO centro_costo (entidad_id, codigo, nombre, es_gerencia, activo) VALUES ({entidad}, '01.02', 'OFICINA DE PLANEAMIENTO', false, true) RETURNING id");
            centroB = await IdAsync($"INSERT INTO centro_costo (entidad_id, codigo, nombre, es_gerencia, activo) VALUES ({entidad}, '05', 'GERENCIA COMERCIAL', true, true) RETURNING id");
            var evaluacion = await IdAsync($"INSERT INTO evaluacion_poi (entidad_id, anio, periodo_codigo, estado, publicacion) VALUES ({entidad}, 2024, 'S1', 'Publicada', 1) RETURNING id");
            foreach (var (numero, centro) in new[] { (1, centroA), (2, centroB) })
                await IdAsync($"""
                    INSERT INTO recomendacion (entidad_id, evaluacion_id, numero, aspecto_mejora, texto, accion_clave, centro_costo_id, plazo)
                    VALUES ({entidad}, {evaluacion}, {numero}, 'Aspecto {numero}', 'Recomendación {numero}', 'Acción {numero}', {centro}, '2024-12-31') RETURNING id
                    """);
        }

        await using (var db = bd.Contexto())
        {
            await db.Database.MigrateAsync();
            var recomendaciones = await db.Recomendaciones.Include(r => r.Responsables).OrderBy(r => r.Numero).ToListAsync();
            Assert.Equal([[centroA], [centroB]], recomendaciones.Select(r => r.Unidades.ToArray()));
            Assert.All(recomendaciones, r => Assert.Null(r.EntidadExterna));
            Assert.All(recomendaciones, r => Assert.Null(r.OeiId ?? r.AeiId));
            Assert.Equal("Recomendación 2", recomendaciones[1].Texto);
            // One source of truth: the old column is gone.
            var columna = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM information_schema.columns WHERE table_name = 'recomendacion' AND column_name = 'centro_costo_id'").SingleAsync();
            Assert.Equal(0, columna);
        }
    }
}
