using Sipoi.Domain.Estrategia;

namespace Sipoi.Domain.Tests.Estrategia;

public sealed class PeiTests
{
    private static Pei PeiGuardado()
    {
        var pei = new Pei(1, "PEI-2023-2025", 2023, 2025, mision: "Brindar agua potable");
        // Derivation needs a saved PEI (it links by id): give it the id the database would.
        typeof(Pei).GetProperty(nameof(Pei.Id))!.SetValue(pei, 7);
        var oei = pei.AgregarOei("OEI.01", "Mejorar el servicio", 1);
        var aei = oei.AgregarAei("AEI.01.01", "Continuidad", 1, "Gerencia de Operaciones");
        var ind = aei.AgregarIndicador(new Indicador(1, "IND.01", "Horas de servicio", "h/d", Sentido.Ascendente));
        ind.FijarLogroEsperado(2023, 10);
        ind.FijarLogroEsperado(2024, 11);
        ind.RegistrarValorObtenido(2024, PeriodoIndicador.Semestre1, 10.5m);
        pei.AgregarOei("OEI.02", "Sostenibilidad", 2);
        return pei;
    }

    [Fact]
    public void ActualizarOei_ConPrioridadDeOtro_SeRechazaYNoCambia()
    {
        var pei = PeiGuardado();
        var e = Assert.Throws<ReglaDominioException>(() => pei.ActualizarOei(pei.Oeis[1], "Sostenibilidad", 1));
        Assert.Contains("La prioridad 1 ya la tiene otro OEI", e.Message);
        Assert.Equal(2, pei.Oeis[1].Prioridad);
        pei.ActualizarOei(pei.Oeis[1], "Sostenibilidad financiera", 2);
        Assert.Equal("Sostenibilidad financiera", pei.Oeis[1].Enunciado);
    }

    [Fact]
    public void ActualizarAei_ConPrioridadDeOtraDelMismoOei_SeRechaza()
    {
        var oei = PeiGuardado().Oeis[0];
        var segunda = oei.AgregarAei("AEI.01.02", "Presión", 2);
        Rechazo.Con(() => oei.ActualizarAei(segunda, "Presión", 1, null), "La prioridad 1 ya la tiene otra AEI del OEI.01.");
        Assert.Equal(2, segunda.Prioridad);
    }

    [Fact]
    public void VerificarPrioridades_NombraLaFilaRepetida()
    {
        Assert.Null(Pei.VerificarPrioridades([("OEI.01", 2), ("OEI.02", 1)], "entre los OEI"));
        Assert.Equal("OEI.02: la prioridad 1 ya la tiene OEI.01 (entre los OEI). Cada prioridad se usa una sola vez.",
            Pei.VerificarPrioridades([("OEI.01", 1), ("OEI.02", 1)], "entre los OEI"));
        Assert.Equal("OEI.01: la prioridad debe ser 1 o mayor.", Pei.VerificarPrioridades([("OEI.01", 0)], "x"));
    }

    [Fact]
    public void Ampliar_CopiaLaEstructuraYEnlazaAlAnterior()
    {
        var pei = PeiGuardado();
        var nuevo = pei.Ampliar("PEI-2023-2025-Ampliado-2026", 2026, null);
        Assert.Equal((7, 2023, 2026), (nuevo.PeiAnteriorId!.Value, nuevo.Inicio, nuevo.Fin));
        Assert.Equal(["OEI.01", "OEI.02"], nuevo.Oeis.Select(o => o.Codigo));
        var ind = nuevo.Aeis.Single().Indicadores.Single();
        Assert.Equal((10m, 11m, 10.5m), (ind.LogroEsperado(2023)!.Value, ind.LogroEsperado(2024)!.Value, ind.ValorObtenido(2024, PeriodoIndicador.Semestre1)!.Value));
        Assert.Equal("Gerencia de Operaciones", nuevo.Aeis.Single().Responsable);
        Assert.Equal("Brindar agua potable", nuevo.Mision);
        Assert.Equal(2025, pei.Fin);
        Rechazo.Con(() => pei.Ampliar("PEI-X", 2025, null), "La ampliación debe terminar después de 2025, el último año del PEI PEI-2023-2025.");
    }

    [Fact]
    public void Derivar_SoloCopiaLosValoresDelNuevoHorizonte()
    {
        var nuevo = PeiGuardado().Derivar("PEI-2024-2027", 2024, 2027, "PEI actualizado");
        var ind = nuevo.Aeis.Single().Indicadores.Single();
        Assert.Null(ind.LogroEsperado(2023));
        Assert.Equal(11m, ind.LogroEsperado(2024));
        Rechazo.Con(() => PeiGuardado().Derivar("PEI-2023-2025", 2023, 2025, null), "El nuevo PEI necesita un código distinto de PEI-2023-2025.");
    }

    [Theory]
    [InlineData(Sentido.NoDefinido, null, null, "indique el máximo o el mínimo permisible")]
    [InlineData(Sentido.NoDefinido, 10.0, 20.0, "el mínimo permisible (20) es mayor que el máximo (10)")]
    [InlineData(Sentido.Descendente, 10.0, null, "solo se usan con sentido «no definido»")]
    public void Indicador_LimitesPermisibles_SeValidan(Sentido sentido, double? maximo, double? minimo, string mensaje)
    {
        var e = Assert.Throws<ReglaDominioException>(() => new Indicador(1, "IND", "Presión", "m.c.a.", sentido,
            maximoPermisible: (decimal?)maximo, minimoPermisible: (decimal?)minimo));
        Assert.Contains(mensaje, e.Message);
    }

    [Fact]
    public void Indicador_NoDefinidoConUnLimite_EsValido()
    {
        var i = new Indicador(1, "IND", "Presión", "m.c.a.", Sentido.NoDefinido, maximoPermisible: 50);
        Assert.Equal(50m, i.MaximoPermisible);
        Rechazo.Con(() => i.Actualizar("Presión", null, Sentido.Ascendente, null, null, null, null, null, 5, null), "el máximo y el mínimo permisibles solo se usan con sentido «no definido»");
    }

    [Fact]
    public void Actualizar_HorizonteQueDejaFueraUnPoi_SeRechazaYNoCambia()
    {
        var pei = PeiGuardado();
        var e = Assert.Throws<ReglaDominioException>(() => pei.Actualizar("PEI", 2024, 2026, null, null, EstadoPei.Registrado, [2025, 2023]));
        Assert.Equal("El POI 2023 usa este PEI y quedaría fuera del horizonte 2024–2026. " +
            "Para extenderlo o cambiarlo, cree una ampliación o un PEI actualizado.", e.Message);
        Assert.Equal((2023, 2025), (pei.Inicio, pei.Fin));
        pei.Actualizar("PEI", 2023, 2026, null, null, EstadoPei.Registrado, [2025, 2023]);
        Assert.Equal(2026, pei.Fin);
    }

    [Fact]
    public void Actualizar_SinCambiarElHorizonte_NoMiraLosPoi()
    {
        var pei = PeiGuardado();
        pei.Actualizar("Otro nombre", 2023, 2025, null, null, EstadoPei.Registrado, [2030]);
        Assert.Equal("Otro nombre", pei.Nombre);
    }

    [Fact]
    public void Ampliar_ConOtroAnioDeInicio_SeRechaza()
    {
        var e = Assert.Throws<ReglaDominioException>(() => PeiGuardado().Ampliar("PEI-2024-2026", 2024, 2026, null));
        Assert.Equal("Una ampliación conserva el año de inicio 2023; para otro horizonte cree un PEI actualizado.", e.Message);
        var ampliado = PeiGuardado().Ampliar("PEI-2023-2026", 2023, 2026, null);
        Assert.Equal((2023, 2026), (ampliado.Inicio, ampliado.Fin));
    }

    [Fact]
    public void AniosDelFormularioDeIndicador_LineaBaseHastaElFinYValoresDentroDelHorizonte()
    {
        var pei = PeiGuardado();
        Assert.Null(pei.MotivoAnioLineaBase(2019));
        Assert.Equal("2026 no es un año válido (hasta 2025)", pei.MotivoAnioLineaBase(2026));
        Assert.Equal("1899 no es un año válido (hasta 2025)", pei.MotivoAnioLineaBase(1899));
        Assert.Null(pei.MotivoAnioFueraDelHorizonte(2025));
        Assert.Equal("está fuera del horizonte del PEI (2023–2025)", pei.MotivoAnioFueraDelHorizonte(2022));
    }

    [Fact]
    public void FijarValoresDelAnio_CeldaVaciadaBorraYCeldaVaciaNoCreaNada()
    {
        var ind = PeiGuardado().TodosLosIndicadores().Single();
        ind.FijarValoresDelAnio(2024, null, null, null, null);
        Assert.Null(ind.LogroEsperado(2024));
        Assert.Null(ind.ValorObtenido(2024, PeriodoIndicador.Semestre1));
        ind.FijarValoresDelAnio(2025, null, null, null, null);
        Assert.DoesNotContain(ind.Valores, v => v.Anio == 2025);
        ind.FijarValoresDelAnio(2025, 12, 11.5m, null, 11.5m);
        Assert.Equal((12m, 11.5m, null, 11.5m), (ind.LogroEsperado(2025), ind.ValorObtenido(2025),
            ind.ValorObtenido(2025, PeriodoIndicador.Semestre1), ind.ValorObtenido(2025, PeriodoIndicador.Semestre2)));
        Assert.DoesNotContain(ind.Valores, v => v.Anio == 2025 && v.Periodo == PeriodoIndicador.Semestre1);
    }
}
