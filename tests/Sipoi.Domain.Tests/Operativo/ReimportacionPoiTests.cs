using Sipoi.Domain.Seguimiento;
using static Sipoi.Domain.Operativo.ReimportacionPoi;

namespace Sipoi.Domain.Tests.Operativo;

public class ReimportacionPoiTests
{
    private static readonly TextosMes SinTexto = new(null, null, null);

    private static decimal[] Metas(decimal v) => Enumerable.Repeat(v, 12).ToArray();

    private static ActividadActual Actual(string codigo, params int[] meses) =>
        new(codigo, "01.02", Metas(10), meses.ToDictionary(m => m, _ => new MesRegistrado(8, null, SinTexto)), false);

    private static ActividadImportada Importada(int i, string codigo, decimal[]? metas = null, decimal?[]? ejecutado = null, string centro = "01.02") =>
        new(i, codigo, centro, metas ?? Metas(10), ejecutado ?? new decimal?[12], new decimal?[12], new Dictionary<int, TextosMes>());

    /// <summary>January and February approved, March submitted, the rest pending.</summary>
    private static EstadoSeguimiento Estado(string centro, int mes) => mes switch
    {
        1 or 2 => EstadoSeguimiento.Aprobado,
        3 => EstadoSeguimiento.Enviado,
        4 => EstadoSeguimiento.Observado,
        _ => EstadoSeguimiento.Pendiente,
    };

    [Fact]
    public void LoMismo_SeAcepta() =>
        Assert.Empty(Verificar([Actual("A1", 1, 2)], [Importada(0, "A1", ejecutado: [8, 8, null, null, null, null, null, null, null, null, null, null])], Estado));

    [Fact]
    public void ActividadConAvanceQueFalta_SeRechazaNombrandolaYSusMeses()
    {
        var p = Assert.Single(Verificar([Actual("A1", 1, 2), Actual("A2")], [Importada(0, "A2")], Estado));
        Assert.Equal("La actividad A1 tiene avance registrado (enero, febrero) y no figura en lo que se importa: una importación no puede retirarla. " +
                     "Para cambiarlo registre un POI Modificado en Formulación.", p.Mensaje);
    }

    [Fact]
    public void ActividadSinAvanceQueFalta_SePuedeRetirar() =>
        Assert.Empty(Verificar([Actual("A1", 1), new ActividadActual("A2", "01.02", Metas(0), new Dictionary<int, MesRegistrado>(), false)],
            [Importada(0, "A1", ejecutado: [8, null, null, null, null, null, null, null, null, null, null, null], metas: [10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
            (c, m) => m == 1 ? EstadoSeguimiento.Aprobado : EstadoSeguimiento.Pendiente));

    [Fact]
    public void EvidenciaSola_CuentaComoAvance() =>
        Assert.Single(Verificar([new ActividadActual("A1", "01.02", Metas(10), new Dictionary<int, MesRegistrado>(), true)], [], Estado));

    [Fact]
    public void MetaDeMesEnviadoOAprobado_NoCambia_LaDeUnMesObservadoSi()
    {
        var metas = Metas(10);
        metas[1] = 11; // febrero aprobado
        metas[2] = 12; // marzo enviado
        metas[3] = 13; // abril observado: vuelve al operador, la meta se puede corregir
        var problemas = Verificar([Actual("A1")], [Importada(4, "A1", metas)], Estado);
        Assert.Equal([(4, 2, "programado"), (4, 3, "programado")], problemas.Select(p => (p.Indice!.Value, p.Mes!.Value, p.Campo!)).ToList());
        Assert.StartsWith("La actividad A1, marzo: la meta cambiaría de 10 a 12, pero el seguimiento de marzo del centro 01.02 está enviado;", problemas[1].Mensaje);
    }

    [Fact]
    public void ActividadNuevaConMetaEnMesAprobado_SeRechaza() =>
        Assert.Equal(2, Verificar([], [Importada(0, "NUEVA", [5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])], Estado).Count);

    [Fact]
    public void EjecutadoDistintoEnMesAprobado_SeRechaza_NullConservaLoRegistrado()
    {
        var problemas = Verificar([Actual("A1", 1, 2)], [Importada(0, "A1", ejecutado: [9, null, null, null, null, null, null, null, null, null, null, null])], Estado);
        var p = Assert.Single(problemas);
        Assert.Equal((1, "ejecutado"), (p.Mes!.Value, p.Campo!));
        Assert.Equal("La actividad A1, enero: la ejecución física registrada es 8 y lo importado trae 9, pero el seguimiento de enero del centro 01.02 está aprobado; " +
                     "una importación no cambia un mes enviado o aprobado.", p.Mensaje);
    }

    [Fact]
    public void ValoresDeMesPendiente_PuedenCambiar() =>
        Assert.Empty(Verificar([Actual("A1", 5)], [Importada(0, "A1", ejecutado: [null, null, null, null, 99, null, null, null, null, null, null, null])], Estado));

    [Fact]
    public void CambioDeCentroConAvance_SeRechaza() =>
        Assert.Contains(Verificar([Actual("A1", 5)], [Importada(0, "A1", centro: "09")], Estado), p => p.Campo == "centroCosto");

    [Fact]
    public void SeguimientoImportado_NoCambiaUnMesAprobado()
    {
        var s = SeguimientoMensual.PorImportacion(1, 1, 2024, 1, 1, EstadoSeguimiento.Aprobado, "cli:opp", DateTimeOffset.UtcNow);
        Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
        var e = Assert.Throws<ReglaDominioException>(() => s.FijarPorImportacion(EstadoSeguimiento.Enviado, "cli:opp", DateTimeOffset.UtcNow));
        Assert.Equal("El seguimiento de enero de 2024 está aprobado: una importación no lo cambia.", e.Message);
    }
}
