using System.Text;
using Sipoi.Interop.ImportacionExcel;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.ImportacionExcel;

/// <summary>The budget reader: the SIPOI template (.xlsx) and the MEF's open-data CSV, columns by heading, errors at their row and column.</summary>
public class LectorPresupuestoTests
{
    private static ResultadoPresupuesto Csv(string texto, int anio = 2024) => LectorPresupuesto.Leer(new MemoryStream(Encoding.UTF8.GetBytes(texto)), anio);

    private static string Errores(ResultadoPresupuesto r) => string.Join("\n", r.Errores);

    [Fact]
    public void CsvDelMef_SeLeePorSusColumnas_SumaFilasDeLaMismaClave_YSaltaIngresos()
    {
        var r = Csv("\uFEFF\"ANO_EJE\",\"SEC_EJEC\",\"TIPO_TRANSACCION\",\"FUENTE_FINANCIAMIENTO\",\"FUENTE_FINANCIAMIENTO_NOMBRE\",\"GENERICA\",\"GENERICA_NOMBRE\"," +
                    "\"MONTO_PIA\",\"MONTO_PIM\",\"MONTO_CERTIFICADO\",\"MONTO_DEVENGADO_ENERO\",\"MONTO_DEVENGADO_SEPTIEMBRE\"\n" +
                    "\"2024\",\"301234\",\"2\",\"2\",\"RECURSOS DIRECTAMENTE RECAUDADOS\",\"3\",\"BIENES Y SERVICIOS\",\"1000.50\",\"1200\",\"900\",\"100\",\"50\"\n" +
                    "\"2024\",\"301234\",\"2\",\"2\",\"RECURSOS DIRECTAMENTE RECAUDADOS\",\"3\",\"BIENES Y SERVICIOS\",\"500\",\"500\",\"0\",\"0\",\"25\"\n" +
                    "\"2024\",\"301234\",\"1\",\"2\",\"RECURSOS DIRECTAMENTE RECAUDADOS\",\"3\",\"VENTA\",\"99\",\"99\",\"0\",\"0\",\"0\"\n");

        Assert.True(r.EsValido, Errores(r));
        Assert.Equal("CSV", r.Formato);
        Assert.True(r.TienePim);
        Assert.Equal(2, r.Filas.Count); // the income row (TIPO_TRANSACCION 1) is left out
        Assert.All(r.Filas, f => Assert.Equal((2, "2.3"), (f.Clave.Fuente, f.Clave.Generica)));
        Assert.Equal(1000.50m, r.Filas[0].Pia);
        Assert.Equal(1200m, r.Filas[0].Pim);
        Assert.Equal(900m, r.Filas[0].CertificadoAnual);
        Assert.Equal(100m, r.Filas[0].Devengado[0]);
        Assert.Equal(50m, r.Filas[0].Devengado[8]); // SEPTIEMBRE and SETIEMBRE are the same month
    }

    [Fact]
    public void CsvConErrores_NombraFilaYColumna_YNoDevuelveFilas()
    {
        var r = Csv("ANO_EJE;FUENTE_FINANCIAMIENTO;GENERICA;MONTO_PIA\n2024;7;3;10\n2024;1;2.9;10\n2024;1;3;-5\n2023;1;3;10\n");
        Assert.False(r.EsValido);
        Assert.Empty(r.Filas);
        Assert.Contains("fila 2, columna B (fuente): «7» no es una fuente de financiamiento; use 1 a 5", Errores(r));
        Assert.Contains("fila 3, columna C (genérica): Genérica «2.9»: no es una genérica de gasto del clasificador", Errores(r));
        Assert.Contains("fila 4, columna D (PIA): «-5» es negativo; los montos son 0 o más.", Errores(r));
        Assert.Contains("fila 5, columna A (año): la fila es del año 2023; el archivo se carga en el presupuesto 2024.", Errores(r));
    }

    [Fact]
    public void SinColumnaPia_SeRechazaDiciendoQueFalta() =>
        Assert.Contains("falta la columna «PIA» (MONTO_PIA en el archivo del MEF).", Errores(Csv("FUENTE,GENERICA\n1,2.3\n")));

    [Fact]
    public void Plantilla_EsValida_YLlenaSeLeeConSusModificaciones()
    {
        using (var x = new Xlsx(s => PresupuestoExcel.EscribirPlantilla("EMSAPUNO S.A.", 2024, s), "plantilla-presupuesto.xlsx"))
        {
            Assert.Empty(x.Errores());
            Assert.Equal(["Presupuesto", "Modificaciones"], x.Hojas);
            Assert.Equal("Fuente", x.Texto("Presupuesto", "A5"));
            Assert.Equal("PIA", x.Texto("Presupuesto", "E5"));
            Assert.Equal("Devengado diciembre", x.Texto("Presupuesto", "AD5"));
            Assert.Equal("Documento", x.Texto("Modificaciones", "A5"));
        }

        var libro = new LibroDePrueba();
        libro.NuevaHoja("Presupuesto").Fila("A1", "PRESUPUESTO 2024")
            .Fila("A3", [.. LectorPresupuesto.EncabezadosPresupuesto])
            .Fila("A4", ["1 Recursos Ordinarios", "2.3.1", "01.02", null, 1000, 1100, 100, .. new object?[11], 40])
            .Fila("A5", ["2", "2.1", null, "FP06-01", "2,500.75", null]);
        libro.NuevaHoja("Modificaciones").Fila("A1", [.. LectorPresupuesto.EncabezadosModificaciones])
            .Fila("A2", "Resolución de Alcaldía N.° 045-2024-MPP", "15/03/2024", 1, "2.3", "01.02", null, 100)
            .Fila("A3", "RA 050-2024", 45397.0, 2, "2.1", null, null, "-250.5")
            .Fila("A4", "RA 051-2024", "15/03/2023", 2, "2.1", null, null, 10);
        var r = LectorPresupuesto.Leer(libro.Guardar(), 2024);

        Assert.Equal(["Hoja 'Modificaciones', fila 4, columna B (fecha): 15/03/2023 no es del año 2024."], r.Errores.Select(e => e.ToString()));
        libro = new LibroDePrueba();
        libro.NuevaHoja("Presupuesto").Fila("A3", [.. LectorPresupuesto.EncabezadosPresupuesto])
            .Fila("A4", ["1 Recursos Ordinarios", "2.3.1", "01.02", null, 1000, 1100, 100, .. new object?[11], 40]);
        libro.NuevaHoja("Modificaciones").Fila("A1", [.. LectorPresupuesto.EncabezadosModificaciones])
            .Fila("A3", "RA 050-2024", 45397.0, 2, "2.1", null, null, "-250.5");
        r = LectorPresupuesto.Leer(libro.Guardar(), 2024);
        Assert.True(r.EsValido, Errores(r));
        var f = Assert.Single(r.Filas);
        Assert.Equal((1, "2.3", "01.02", (string?)null), (f.Clave.Fuente, f.Clave.Generica, f.Clave.Centro, f.Clave.Actividad));
        Assert.Equal((1000m, 1100m, 100m, 40m), (f.Pia, f.Pim!.Value, f.Certificado[0], f.Devengado[0]));
        var m = Assert.Single(r.Modificaciones);
        Assert.Equal(("RA 050-2024", new DateOnly(2024, 4, 15), -250.5m), (m.Documento, m.Fecha, m.Monto));
    }
}
