using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>The organisation-chart reader: headings by text under a title, every bad row named (row, column, reason) at once.</summary>
public class LectorOrganigramaTests
{
    /// <summary>An entity with 01 (top), 01.01 under it, 02 inactive, and the unidad ejecutora 001.</summary>
    private static readonly ContextoOrganigrama Entidad = new(
        [new("01", null, true), new("01.01", "01", true), new("02", null, false)], ["001"]);

    private static readonly object?[] Encabezados = ["Código", "Nombre", "Depende de (código)", "Unidad ejecutora (código)", "Responsable"];

    private static ResultadoOrganigrama Leer(Action<LibroDePrueba.Hoja> filas, ContextoOrganigrama? contexto = null)
    {
        var libro = new LibroDePrueba();
        var hoja = libro.NuevaHoja("Organigrama").Fila("A1", "ORGANIGRAMA DE LA ENTIDAD").Fila("A3", Encabezados);
        filas(hoja);
        return LectorOrganigrama.Leer(libro.Guardar(), contexto ?? Entidad);
    }

    private static List<string> Errores(ResultadoOrganigrama r) => [.. r.Errores.Select(e => e.ToString())];

    [Fact]
    public void LibroBueno_SeLeeBajoUnTitulo_ConPadresDelArchivoYDeLaEntidad()
    {
        var r = Leer(h => h
            .Fila("A4", "01.01.01", "Área de\nPresupuesto", "01.01", "001", "CPC Ana Quispe")
            .Fila("A5", "03", "GERENCIA DE OPERACIONES", null, null, null)
            .Fila("A7", "03.01", "Oficina de Agua Potable", "03", "", "  "));

        Assert.True(r.EsValido, string.Join("\n", Errores(r)));
        Assert.True(r.TieneUnidadEjecutora && r.TieneResponsable);
        Assert.Equal(
        [
            new FilaOrganigrama(4, "01.01.01", "Área de Presupuesto", "01.01", "001", "CPC Ana Quispe"),
            new FilaOrganigrama(5, "03", "GERENCIA DE OPERACIONES", null, null, null),
            new FilaOrganigrama(7, "03.01", "Oficina de Agua Potable", "03", null, null),
        ], r.Filas);
    }

    [Fact]
    public void FilasMalas_CadaUnaNombradaConFilaColumnaYMotivo_TodasALaVez()
    {
        var r = Leer(h => h
            .Fila("A4", null, "Sin código", "01")
            .Fila("A5", "05", "Centro cinco", null)
            .Fila("A6", "05", "Repetido", null)
            .Fila("A7", "06", "Hijo de nadie", "99")
            .Fila("A8", "07", "Bajo un inactivo", "02")
            .Fila("A9", "08", "Ocho", "09")
            .Fila("A10", "09", "Nueve", "08")
            .Fila("A11", new string('X', 41), "Código largo", null)
            .Fila("A12", "10", new string('n', 501), null)
            .Fila("A13", "11", "Unidad desconocida", null, "002")
            .Fila("A14", 1.1, "Código como número", null)
            .Fila("A15", "12", null, "01")
            .Fila("A16", "01", "Bajo su propio hijo", "01.01"));

        Assert.False(r.EsValido);
        Assert.Empty(r.Filas);
        Assert.Equal(
        [
            "Hoja 'Organigrama', fila 4, columna A (código): falta el código del centro de costo.",
            "Hoja 'Organigrama', fila 6, columna A (código): el código 05 ya está en la fila 5: cada centro de costo va en una sola fila.",
            "Hoja 'Organigrama', fila 7, columna C (depende de): el centro 99 del que depende 06 no está en el archivo ni en el organigrama de la entidad.",
            "Hoja 'Organigrama', fila 8, columna C (depende de): el centro de costo 02 está inactivo: no puede elegirse como «depende de» del centro 07. " +
            "Reactívelo en Administración → Organigrama o elija otro centro.",
            "Hoja 'Organigrama', fila 9, columna C (depende de): se formaría un ciclo en el organigrama: 08 → 09 → 08. " +
            "Un centro no puede depender de sí mismo ni de uno que depende de él.",
            "Hoja 'Organigrama', fila 11, columna A (código): admite hasta 40 caracteres (tiene 41).",
            "Hoja 'Organigrama', fila 12, columna B (nombre): admite hasta 500 caracteres (tiene 501).",
            "Hoja 'Organigrama', fila 13, columna D (unidad ejecutora): la entidad no tiene la unidad ejecutora 002; las suyas son 001.",
            "Hoja 'Organigrama', fila 14, columna A (código): el código está guardado como número (1.1) y Excel quita sus ceros («01.10» queda 1.1): " +
            "dé a la columna formato de texto y escriba el código otra vez, o antepóngale un apóstrofo ('01.10).",
            "Hoja 'Organigrama', fila 15, columna B (nombre): falta el nombre del centro de costo.",
            "Hoja 'Organigrama', fila 16, columna C (depende de): se formaría un ciclo en el organigrama: 01 → 01.01 → 01. " +
            "Un centro no puede depender de sí mismo ni de uno que depende de él.",
        ], Errores(r));
    }

    [Fact]
    public void CentroInactivo_ConservaSuPadreInactivo_YSePuedeRenombrar()
    {
        var contexto = new ContextoOrganigrama([new("02", null, false), new("02.01", "02", false)], []);
        var r = Leer(h => h.Fila("A4", "02.01", "Renombrado", "02"), contexto);
        Assert.True(r.EsValido, string.Join("\n", Errores(r)));
    }

    [Fact]
    public void SinEncabezados_SeRechazaDiciendoCualesFaltan()
    {
        var libro = new LibroDePrueba();
        libro.NuevaHoja("Hoja1").Fila("A1", "Centro", "Descripción").Fila("A2", "01", "Gerencia");
        var r = LectorOrganigrama.Leer(libro.Guardar(), Entidad);
        Assert.Equal(["Hoja 'Hoja1': no se encontró la fila de encabezados en las diez primeras filas: debe tener al menos «Código» y «Nombre» " +
                      "(y «Depende de (código)» para el padre). Descargue la plantilla para ver el formato."], Errores(r));
    }

    [Fact]
    public void SinFilas_YNoXlsx_SeRechazan()
    {
        Assert.Equal(["Hoja 'Organigrama', fila 3: no hay centros de costo debajo de los encabezados."], Errores(Leer(_ => { })));
        var r = LectorOrganigrama.Leer(new MemoryStream("código,nombre\n01,Gerencia\n"u8.ToArray()), Entidad);
        Assert.StartsWith("El archivo no es un libro de Excel .xlsx que se pueda leer", Assert.Single(Errores(r)), StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnasOpcionalesAusentes_NoSeLeen()
    {
        var libro = new LibroDePrueba();
        libro.NuevaHoja("Organigrama").Fila("A1", "Código", "Nombre", "Código del padre").Fila("A2", "01.02", "Oficina", "01");
        var r = LectorOrganigrama.Leer(libro.Guardar(), Entidad);
        Assert.True(r.EsValido, string.Join("\n", Errores(r)));
        Assert.False(r.TieneUnidadEjecutora || r.TieneResponsable);
        Assert.Equal(new FilaOrganigrama(2, "01.02", "Oficina", "01", null, null), Assert.Single(r.Filas));
    }

    [Fact]
    public void Plantilla_EsValida_TieneEncabezadosYEjemplos_YSeLee()
    {
        using (var x = new Xlsx(s => OrganigramaExcel.EscribirPlantilla("EMSAPUNO S.A.", s), "plantilla-organigrama.xlsx"))
        {
            Assert.Empty(x.Errores());
            Assert.Equal(["Organigrama"], x.Hojas);
            Assert.Equal(["Código", "Nombre", "Depende de (código)", "Unidad ejecutora (código)", "Responsable"],
                new[] { "A5", "B5", "C5", "D5", "E5" }.Select(c => x.Texto("Organigrama", c)));
            Assert.Equal(("01", "GERENCIA GENERAL", "Gerente general"), (x.Texto("Organigrama", "A6"), x.Texto("Organigrama", "B6"), x.Texto("Organigrama", "E6")));
            Assert.Equal(("01.01", "01"), (x.Texto("Organigrama", "A7"), x.Texto("Organigrama", "C7")));
        }
        var ms = new MemoryStream();
        OrganigramaExcel.EscribirPlantilla("EMSAPUNO S.A.", ms);
        ms.Position = 0;
        var r = LectorOrganigrama.Leer(ms, new([], []));
        Assert.True(r.EsValido, string.Join("\n", Errores(r)));
        Assert.Equal(["01", "01.01"], r.Filas.Select(f => f.Codigo));
    }

    [Fact]
    public void OrganigramaActual_IdaYVuelta_DaLasMismasFilas()
    {
        CentroOrganigramaExcel[] centros =
        [
            new("01.10", "OFICINA DE PLANEAMIENTO", "01", "001", "Eco. Juan Mamani"),
            new("01", "GERENCIA GENERAL", null, null, null),
            new("02", "GERENCIA INACTIVA", null, "001", null),
        ];
        using (var x = new Xlsx(s => OrganigramaExcel.EscribirActual("EMSAPUNO S.A.", centros, s), "organigrama-actual.xlsx"))
        {
            Assert.Empty(x.Errores());
            Assert.Equal(["01", "01.10", "02"], new[] { "A6", "A7", "A8" }.Select(c => x.Texto("Organigrama", c)));
        }
        var ms = new MemoryStream();
        OrganigramaExcel.EscribirActual("EMSAPUNO S.A.", centros, ms);
        ms.Position = 0;
        var r = LectorOrganigrama.Leer(ms, new([new("01", null, true), new("01.10", "01", true), new("02", null, false)], ["001"]));
        Assert.True(r.EsValido, string.Join("\n", Errores(r)));
        Assert.Equal(centros.OrderBy(c => c.Codigo, StringComparer.Ordinal).ToList(),
            r.Filas.Select(f => new CentroOrganigramaExcel(f.Codigo, f.Nombre, f.Padre, f.UnidadEjecutora, f.Responsable)).ToList());
    }
}
