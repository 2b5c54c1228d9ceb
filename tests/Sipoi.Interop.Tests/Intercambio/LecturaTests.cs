using System.Text;
using System.Text.Json.Nodes;
using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Intercambio;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

public class LecturaTests
{
    // JSON mal formado

    [Fact]
    public void JsonInvalido_IndicaLineaYColumna()
    {
        var json = "{\n  \"formato\": \"sipoi-intercambio/1\",\n  \"entidad\": { \"codigo\": \"300549\" \"nombre\": \"X\" }\n}";
        var error = Assert.Single(Errores(json));
        Assert.StartsWith("JSON no válido en la línea 3, columna 35: cerca de «", error);
    }

    [Fact]
    public void JsonInvalido_ColumnaCuentaCaracteresNoBytes()
    {
        var json = "{ \"ñandú\": \"á\" x }";
        Assert.StartsWith("JSON no válido en la línea 1, columna 16:", Assert.Single(Errores(json)));
    }

    [Fact]
    public void JsonInvalido_ComentariosNoSonParteDelFormato() =>
        Assert.Equal(["JSON no válido en la línea 2, columna 41: los comentarios (//) no forman parte del formato"],
            Errores("{\n  \"formato\": \"sipoi-intercambio/1\",     // formato\n}"));

    [Fact]
    public void JsonInvalido_ComaSobrante() =>
        Assert.Equal(["JSON no válido en la línea 1, columna 37: sobra la coma antes de «}»"],
            Errores("{ \"formato\": \"sipoi-intercambio/1\", }"));

    [Fact]
    public void JsonInvalido_ComillasSimples() =>
        Assert.Equal(["JSON no válido en la línea 1, columna 3: los textos van entre comillas dobles"],
            Errores("{ 'formato': 'sipoi-intercambio/1' }"));

    [Fact]
    public void JsonInvalido_ArchivoCortado()
    {
        var json = EscritorIntercambio.EscribirTexto(Muestra.Documento());
        var error = Assert.Single(Errores(json[..(json.Length / 2)]));
        Assert.EndsWith("el archivo termina antes de cerrar todos sus objetos y listas", error);
    }

    [Fact]
    public void JsonInvalido_NoUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n \"formato\": \"sipoi-intercambio/1\",\n \"entidad\": { \"nombre\": \"EMSAPUNO S.A.\" } }");
        bytes[^8] = 0xD1; // «Ñ» in Latin-1
        var r = LectorIntercambio.Leer(new MemoryStream(bytes));
        Assert.Equal(["el archivo no está codificado en UTF-8 (primer byte no válido en la línea 3)"], r.Errores.Select(e => e.ToString()));
    }

    [Fact]
    public void Utf8ConBom_SeAcepta()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EscritorIntercambio.EscribirTexto(Muestra.Documento()))).ToArray();
        Assert.True(LectorIntercambio.Leer(new MemoryStream(bytes)).EsValido);
    }

    [Fact]
    public void ArchivoVacio_SeRechaza() => Assert.Equal(["el archivo está vacío"], Errores(" \n"));

    [Fact]
    public void Raiz_DebeSerUnObjeto() =>
        Assert.Equal(["el documento debe ser un objeto JSON, no una lista"], Errores("[]"));

    [Fact]
    public void PropiedadRepetida_SeRechaza() =>
        Assert.Contains("poi.actividades[0]: la propiedad «programado» aparece más de una vez",
            Errores(Muestra().ToJsonString().Replace("\"programado\":[0,0,10000", "\"programado\":[1],\"programado\":[0,0,10000")));

    // tipos

    [Fact]
    public void Tipo_NumeroComoTexto() =>
        RechazaCon("poi.actividades[0].programado[4]: se esperaba un número, no el texto \"10000\"",
            r => r.Nodo("poi.actividades[0]")["programado"]![4] = "10000");

    [Fact]
    public void Tipo_EnteroConDecimales() =>
        RechazaCon("poi.anio: se esperaba un número entero, no el número 2024.5", r => r.Nodo("poi")["anio"] = 2024.5m);

    [Fact]
    public void Tipo_TextoComoNumero() =>
        RechazaCon("entidad.codigo: se esperaba un texto, no el número 300549", r => r.Nodo("entidad")["codigo"] = 300549);

    [Fact]
    public void Tipo_ListaComoObjeto() =>
        RechazaCon("poi.actividades: se esperaba una lista, no un objeto", r => r.Nodo("poi")["actividades"] = new JsonObject());

    [Fact]
    public void Tipo_ObjetoComoTexto() =>
        RechazaCon("centrosCosto[1]: se esperaba un objeto, no el texto \"03.01.04.05\"", r =>
        {
            r["centrosCosto"]![1] = "03.01.04.05";
            r.Remove("fichas");
            foreach (var a in r.Nodo("poi")["actividades"]!.AsArray()) { a!["centroCosto"] = "03.01"; a.AsObject().Remove("ficha"); }
        });

    [Fact]
    public void Tipo_LogicoComoTexto() =>
        RechazaCon("centrosCosto[0].gerencia: se esperaba true o false, no el texto \"sí\"", r => r.Nodo("centrosCosto[0]")["gerencia"] = "sí");

    [Fact]
    public void Tipo_MesesComoNumero() =>
        RechazaCon("poi.actividades[4].ejecutado: se esperaba una lista de 12 números, no el número 0", r => r.Nodo("poi.actividades[4]")["ejecutado"] = 0);

    [Fact]
    public void Numero_FueraDeRango() =>
        RechazaCon("poi.presupuesto.ingresos[0].monto: el número 1e40 está fuera de rango (el máximo es 99,999,999,999,999.9999)",
            r => r.Nodo("poi.presupuesto.ingresos[0]")["monto"] = JsonNode.Parse("1e40"));

    // A decimal .NET reads but the database's numeric(18,4) does not hold: refused at its path, not by PostgreSQL.
    [Fact]
    public void Numero_MasDigitosQueLaBase() =>
        RechazaCon("poi.presupuesto.ingresos[0].monto: el número 100000000000000 está fuera de rango (el máximo es 99,999,999,999,999.9999)",
            r => r.Nodo("poi.presupuesto.ingresos[0]")["monto"] = JsonNode.Parse("100000000000000"));

    // obligatorios

    [Theory]
    [InlineData("entidad", "codigo")]
    [InlineData("entidad", "nombre")]
    [InlineData("pei", "codigo")]
    [InlineData("pei.oei[1]", "codigo")]
    [InlineData("pei.oei[0]", "enunciado")]
    [InlineData("pei.oei[0]", "prioridad")]
    [InlineData("pei.oei[0].aei[1]", "enunciado")]
    [InlineData("pei.oei[0].aei[1]", "prioridad")]
    [InlineData("poi", "anio")]
    [InlineData("poi.actividades[2]", "nombre")]
    [InlineData("poi.actividades[2]", "programado")]
    [InlineData("poi.actividades[2]", "ejecutado")]
    [InlineData("poi.actividades[2]", "centroCosto")]
    [InlineData("poi.actividades[2]", "aei")]
    [InlineData("poi.actividades[2]", "codigo")]
    [InlineData("poi.aprobacion", "fecha")]
    [InlineData("configuracion.bandas", "altoDesde")]
    [InlineData("pei.oei[0].indicadores[0].lineaBase", "valor")]
    public void Obligatorio_Falta(string objeto, string campo) =>
        RechazaCon($"{objeto}.{campo}: falta el campo obligatorio", r => r.Nodo(objeto).Remove(campo));

    [Theory]
    [InlineData("entidad")]
    [InlineData("pei")]
    [InlineData("poi")]
    public void Obligatorio_Seccion(string seccion)
    {
        var errores = Errores(r => r.Remove(seccion));
        Assert.Equal($"{seccion}: falta el campo obligatorio", errores[0]);
    }

    [Fact]
    public void Obligatorio_NullNoCuenta() =>
        RechazaCon("poi.actividades[0].nombre: el campo es obligatorio y no puede ser null", r => r.Nodo("poi.actividades[0]")["nombre"] = null);

    [Fact]
    public void Obligatorio_TextoVacioNoCuenta() =>
        RechazaCon("entidad.nombre: no puede estar vacío", r => r.Nodo("entidad")["nombre"] = "  ");

    // opcionales, valores por defecto y campos desconocidos

    [Fact]
    public void Opcionales_NullEquivaleAAusente()
    {
        var d = Acepta(r =>
        {
            r.Nodo("centrosCosto[0]")["padre"] = null;
            r.Nodo("poi.actividades[0]")["ficha"] = null;
            r.Nodo("poi")["presupuesto"] = null;
        });
        Assert.Null(d.CentrosCosto[0].Padre);
        Assert.Null(d.Poi.Actividades[0].Ficha);
        Assert.Null(d.Poi.Presupuesto);
    }

    [Fact]
    public void Opcionales_ValoresPorDefecto()
    {
        var d = Acepta(r =>
        {
            r.Remove("configuracion");
            r.Remove("fichas");
            foreach (var campo in new[] { "tipoVersion", "aprobacion", "presupuesto", "motivo", "version" }) r.Nodo("poi").Remove(campo);
            var actividad = r.Nodo("poi.actividades[3]");
            foreach (var campo in new[] { "tipo", "comportamiento", "peso", "financieroProgramado", "financieroEjecutado", "metaAnual" })
                actividad.Remove(campo);
            r.Nodo("pei.oei[0].indicadores[0]").Remove("sentido");
            foreach (var a in r.Nodo("poi")["actividades"]!.AsArray()) a!.AsObject().Remove("ficha");
        });

        var a = d.Poi.Actividades[3];
        Assert.Equal(TipoActividad.AO, a.Tipo);
        Assert.Equal(Comportamiento.Suma, a.Comportamiento);
        Assert.Equal(1m, a.Peso);
        Assert.Equal(new decimal[12], a.FinancieroProgramado);
        Assert.Equal(new decimal?[12], a.FinancieroEjecutado);
        Assert.Null(d.Configuracion);
        Assert.Empty(d.Fichas);
        Assert.Equal(TipoVersionPoi.Anual, d.Poi.TipoVersion);
        Assert.Equal(Sentido.Ascendente, d.Pei.Oei[0].Indicadores[0].Sentido);
    }

    [Fact]
    public void CamposDesconocidos_SeIgnoran()
    {
        var d = Acepta(r =>
        {
            r["generadoPor"] = "SIPOI 2.0";
            r.Nodo("poi.actividades[0]")["observacion"] = new JsonObject { ["texto"] = "nueva en una versión futura" };
            r.Nodo("pei")["alineamiento"] = new JsonArray(1, 2, 3);
        });
        Assert.Empty(Comparar.Diferencias(Muestra.Documento(), d));
    }

    // muchos errores

    [Fact]
    public void ArchivoInvalido_ReportaTodosSusErroresALaVez()
    {
        var errores = Errores(r =>
        {
            r.Nodo("entidad").Remove("nombre");
            r.Nodo("configuracion.bandas")["altoDesde"] = 120;
            r.Nodo("pei.oei[1]")["prioridad"] = 1;
            r.Nodo("poi.actividades[0]")["programado"]!.AsArray().RemoveAt(0);
            r.Nodo("poi.actividades[1]")["comportamiento"] = "media";
            r.Nodo("poi.actividades[2]")["ejecutado"]![4] = "—";
            r.Nodo("poi.actividades[3]")["aei"] = "AEI.09.01";
            r.Nodo("poi.actividades[4]")["mesInicio"] = 13;
        });

        Assert.Equal(
        [
            "entidad.nombre: falta el campo obligatorio",
            "configuracion.bandas.altoDesde: debe estar entre 0 y 100 (es 120)",
            "pei.oei[1].prioridad: prioridad 1 repetida (también en pei.oei[0])",
            "poi.actividades[0].programado: 11 valores, se esperan 12",
            "poi.actividades[1].comportamiento: «media» no es válido; se espera «suma», «promedio», «ultimo» o «maximo»",
            "poi.actividades[2].ejecutado[4]: se esperaba un número, no el texto \"—\"",
            "poi.actividades[4].mesInicio: el mes debe estar entre 1 y 12 (es 13)",
            "poi.actividades[3].aei: la AEI «AEI.09.01» no existe en el PEI",
        ], errores);
    }

    [Fact]
    public void MuchosErrores_SeRecortanConUnResumen()
    {
        var raiz = Muestra();
        var actividades = raiz.Nodo("poi")["actividades"]!.AsArray();
        for (var i = 0; i < 250; i++)
        {
            var copia = actividades[1]!.DeepClone();
            copia["codigo"] = $"X{i}";
            copia["aei"] = $"AEI.99.{i}";
            actividades.Add(copia);
        }

        var r = LectorIntercambio.Leer(raiz.ToJsonString());

        Assert.Equal(250, r.TotalErrores);
        Assert.Equal(LectorIntercambio.MaximoErrores + 1, r.Errores.Count);
        Assert.Equal("poi.actividades[5].aei: la AEI «AEI.99.0» no existe en el PEI", r.Errores[0].ToString());
        Assert.Equal("… y 50 errores más", r.Errores[^1].ToString());
    }
}
