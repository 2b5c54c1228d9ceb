using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests;

/// <summary>
/// The rules every entry path asks the domain (issue 11, item 2): text limits and characters, the one
/// typed-number reader, settings ranges with their field keys, month order, inactive centres, codes
/// unique in a PEI. The readers' tests check the same rules at their own addresses.
/// </summary>
public sealed class ReglasDeEntradaTests
{
    [Theory]
    [InlineData(ClaseTexto.Codigo, 40)]
    [InlineData(ClaseTexto.Nombre, 500)]
    [InlineData(ClaseTexto.TextoLargo, 4000)]
    public void Texto_HastaSuLimite_SeAcepta_UnoMasSeRechaza(ClaseTexto clase, int limite)
    {
        Assert.Null(LimitesTexto.Problema(new string('a', limite), clase));
        Assert.Null(LimitesTexto.Problema("  " + new string('a', limite) + "  ", clase)); // counted after trimming
        Assert.Equal($"admite hasta {limite:#,0} caracteres (tiene {limite + 1:#,0})", LimitesTexto.Problema(new string('a', limite + 1), clase));
    }

    [Fact]
    public void Texto_NuloOVacio_NoEsProblemaDeLimite()
    {
        Assert.Null(LimitesTexto.Problema(null, ClaseTexto.Codigo));
        Assert.Null(LimitesTexto.Problema("", ClaseTexto.Nombre));
    }

    [Fact]
    public void Nul_SeRechazaEnCualquierClase()
    {
        Assert.Equal("contiene un carácter de control (U+0000, posición 3), que no se admite: escríbalo en una sola línea, sin tabulaciones",
            LimitesTexto.Problema("ab\0c", ClaseTexto.Nombre));
        Assert.Equal("contiene un carácter de control (U+0000, posición 1), que no se admite; solo se admiten saltos de línea y tabulaciones",
            LimitesTexto.Problema("\0", ClaseTexto.TextoLargo));
    }

    [Fact]
    public void SaltosDeLineaYTabulaciones_SoloEnTextosLargos()
    {
        Assert.Null(LimitesTexto.Problema("Primero.\r\n\tSegundo.", ClaseTexto.TextoLargo));
        Assert.StartsWith("contiene un carácter de control (U+000A", LimitesTexto.Problema("a\nb", ClaseTexto.Nombre), StringComparison.Ordinal);
        Assert.StartsWith("contiene un carácter de control (U+0009", LimitesTexto.Problema("a\tb", ClaseTexto.Codigo), StringComparison.Ordinal);
        Assert.StartsWith("contiene un carácter de control (U+0085", LimitesTexto.Problema("a\u0085b", ClaseTexto.TextoLargo), StringComparison.Ordinal);
    }

    [Fact]
    public void SustitutoSuelto_SeRechaza_ParValidoSeAcepta()
    {
        Assert.Null(LimitesTexto.Problema("Agua 💧", ClaseTexto.Nombre));
        Assert.Equal("contiene un carácter no válido (U+D800, posición 2): el texto está dañado", LimitesTexto.Problema("a\uD800b", ClaseTexto.Nombre));
    }

    [Fact]
    public void CentroDeCosto_NombreDe2MB_SeRechazaNombrandoElCampo()
    {
        var ex = Assert.Throws<ReglaDominioException>(() => new CentroCosto(1, "01.02", new string('x', 2 * 1024 * 1024)));
        Assert.Equal("El campo nombre admite hasta 500 caracteres (tiene 2,097,152).", ex.Message);
        Assert.Equal("nombre", ex.Campo);
    }

    [Fact]
    public void Entidades_RefusanNulYCodigosLargos_YNoCambianAlRechazar()
    {
        var centro = new CentroCosto(1, "01.02", "Planeamiento");
        var ex = Assert.Throws<ReglaDominioException>(() => centro.Actualizar("Plan\0eamiento", null, null, false));
        Assert.StartsWith("El campo nombre contiene un carácter de control (U+0000", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Planeamiento", centro.Nombre);

        Assert.Equal("El campo código admite hasta 40 caracteres (tiene 41).",
            Assert.Throws<ReglaDominioException>(() => new Pei(1, new string('P', 41), 2024, 2026)).Message);
        Assert.Equal("El campo misión admite hasta 4,000 caracteres (tiene 4,001).",
            Assert.Throws<ReglaDominioException>(() => new Pei(1, "PEI", 2024, 2026, mision: new string('m', 4001))).Message);
        Assert.Equal("Multilínea\nválida", new Pei(1, "PEI", 2024, 2026, vision: "Multilínea\nválida").Vision);
        Assert.Equal("El campo unidad de medida admite hasta 500 caracteres (tiene 501).",
            Assert.Throws<ReglaDominioException>(() => new ActividadOperativa(1, 1, "AO-1", TipoActividad.AO, "Informe", 1, 1,
                new DatosActividad(UnidadMedida: new string('u', 501)))).Message);
    }

    [Fact]
    public void Actividad_MesDeInicioPosteriorAlDeFin_SeRechaza()
    {
        Assert.Equal("el mes de inicio (mayo) es posterior al mes de fin (marzo)", ActividadOperativa.VerificarMeses(5, 3));
        Assert.Null(ActividadOperativa.VerificarMeses(3, 3));
        Assert.Null(ActividadOperativa.VerificarMeses(null, 3));
        var ex = Assert.Throws<ReglaDominioException>(() => new ActividadOperativa(1, 1, "AO-1", TipoActividad.AO, "Informe", 1, 1,
            new DatosActividad(MesInicio: 5, MesFin: 3)));
        Assert.Equal("Actividad AO-1: el mes de inicio (mayo) es posterior al mes de fin (marzo).", ex.Message);
        Assert.Equal("mesInicio", ex.Campo);
    }

    [Theory]
    [InlineData("17,009,620.80", "17009620.80")]
    [InlineData("1,234", "1234")]
    [InlineData("1234.5", "1234.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-3", "-3")]
    [InlineData("\u00A012.5 ", "12.5")]
    public void NumeroEscrito_LeeComoEscribenLasOficinas(string texto, string esperado)
    {
        var (valor, problema) = NumeroEscrito.Leer(texto);
        Assert.Null(problema);
        Assert.Equal(decimal.Parse(esperado, System.Globalization.CultureInfo.InvariantCulture), valor);
    }

    [Theory]
    [InlineData("1234,5", "«1234,5» no es un número: los decimales van con punto y los miles con coma (1,234.50).")]
    [InlineData("1.234,56", "«1.234,56» no es un número: los decimales van con punto y los miles con coma (1,234.50).")]
    [InlineData("12,34,567", "«12,34,567» no es un número.")]
    [InlineData("abc", "«abc» no es un número.")]
    [InlineData("999999999999999", "«999999999999999» es demasiado grande.")]
    public void NumeroEscrito_RechazaConElMotivo(string texto, string mensaje)
    {
        var (valor, problema) = NumeroEscrito.Leer(texto);
        Assert.Null(valor);
        Assert.Equal(mensaje, problema);
        Assert.False(NumeroEscrito.TryLeer(texto, out _));
    }

    [Fact]
    public void NumeroEscrito_Vacio_EsSinValorNoError() => Assert.Equal((null, null), NumeroEscrito.Leer("  "));

    [Fact]
    public void Configuracion_ToleranciaSuperior500_ProblemaConClaveEtiquetaYDetalle()
    {
        var p = Assert.Single((ConfiguracionEntidad.PorDefecto() with { ToleranciaSuperior = 500 }).Validar());
        Assert.Equal(new Problema("toleranciaSuperior", "Tolerancia superior", "debe estar entre 100 y 200 % (es 500)."), p);
        Assert.Equal("Tolerancia superior: debe estar entre 100 y 200 % (es 500).", p.Mensaje);
    }

    [Fact]
    public void Configuracion_CadaAjusteTieneSuClave()
    {
        var c = ConfiguracionEntidad.PorDefecto() with
        {
            BandaMedioDesde = 101,
            BandaAltoDesde = -1,
            EtiquetaBajo = "Ba\0jo",
            LeyendaAlto = new string('l', 121),
            ToleranciaInferior = -1,
            ToleranciaSuperior = 99,
            DiasCierre = 367,
        };
        Assert.Equal(["bandas.medioDesde", "bandas.altoDesde", "bandas.medioDesde", "etiquetasBandas.bajo", "leyendasBandas.alto",
            "toleranciaInferior", "toleranciaSuperior", "diasCierre"], c.Validar().Select(p => p.Campo));
    }

    [Fact]
    public void CentroInactivo_NoRecibeActividadNueva_SalvoLaQueYaEraSuya()
    {
        Assert.Equal("el centro de costo 01.01 está inactivo: no recibe actividades nuevas. Asígnela a otro centro o reactive 01.01 en Administración → Organigrama",
            CentroCosto.MotivoSinActividadNueva("01.01", activo: false, yaEraSuya: false));
        Assert.Null(CentroCosto.MotivoSinActividadNueva("01.01", activo: false, yaEraSuya: true));
        Assert.Null(CentroCosto.MotivoSinActividadNueva("01.01", activo: true, yaEraSuya: false));
    }

    [Fact]
    public void Pei_CodigoDeIndicadorUnicoEnTodoElPei()
    {
        var pei = new Pei(1, "PEI", 2024, 2026);
        var oei1 = pei.AgregarOei("OEI.01", "Uno", 1);
        var oei2 = pei.AgregarOei("OEI.02", "Dos", 2);
        var aei = pei.AgregarAei(oei2, "AEI.02.01", "Acción", 1);
        pei.AgregarIndicador(oei1, null, new Indicador(1, "IND.01", "Indicador", "%", Sentido.Ascendente));

        var ex = Assert.Throws<ReglaDominioException>(() => pei.AgregarIndicador(oei2, aei, new Indicador(1, "IND.01", "Otro", "%", Sentido.Ascendente)));
        Assert.Equal("Código: el indicador IND.01 ya existe en el PEI PEI.", ex.Message);
        Assert.Equal("codigo", ex.Campo);
        Assert.Empty(aei.Indicadores);
    }

    [Fact]
    public void Pei_CodigoDeAeiUnicoEnTodoElPei_NoSoloEnSuOei()
    {
        var pei = new Pei(1, "PEI", 2024, 2026);
        var oei1 = pei.AgregarOei("OEI.01", "Uno", 1);
        var oei2 = pei.AgregarOei("OEI.02", "Dos", 2);
        pei.AgregarAei(oei1, "AEI.01", "Acción", 1);
        Assert.Equal("Código: la AEI AEI.01 ya existe en el PEI PEI.",
            Assert.Throws<ReglaDominioException>(() => pei.AgregarAei(oei2, "AEI.01", "Otra", 1)).Message);
        Assert.Empty(oei2.Aeis);
    }
}
