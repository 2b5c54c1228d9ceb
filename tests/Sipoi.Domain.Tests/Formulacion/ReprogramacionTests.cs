using Sipoi.Domain.Formulacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Formulacion;

public class ReprogramacionTests
{
    private static readonly MetasActividad Vigente = new(Comportamiento.Suma, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    private static decimal?[] EjecutadoHasta(int mes) => Enumerable.Range(1, 12).Select(m => m <= mes ? (decimal?)1 : null).ToArray();

    [Fact]
    public void MesesProtegidos_EjecucionEnviadoOAprobado_NoPendienteNiObservadoSinValor()
    {
        var estados = new Dictionary<int, EstadoSeguimiento>
        {
            [1] = EstadoSeguimiento.Aprobado,
            [2] = EstadoSeguimiento.Enviado,
            [3] = EstadoSeguimiento.Observado,
            [5] = EstadoSeguimiento.Pendiente,
        };
        var ejecutado = new decimal?[12];
        ejecutado[3] = 0; // April registered as 0: a real value
        var p = Reprogramacion.MesesProtegidos(ejecutado, estados);
        Assert.Equal([1, 2, 4], p.Keys);
        Assert.Equal("su seguimiento está aprobado", p[1]);
        Assert.Equal("su seguimiento fue enviado", p[2]);
        Assert.Equal("ya tiene ejecución registrada", p[4]);
    }

    [Fact]
    public void CambiarUnMesEjecutado_SeRechazaConElMes()
    {
        var protegidos = Reprogramacion.MesesProtegidos(EjecutadoHasta(2), new Dictionary<int, EstadoSeguimiento>());
        var nueva = new MetasActividad(Comportamiento.Suma, [1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        var p = Assert.Single(Reprogramacion.Verificar("FP34-03", Vigente, nueva, protegidos));
        Assert.Equal("Actividad FP34-03, febrero: la meta no se puede cambiar porque el mes ya tiene ejecución registrada; debe quedar en 1 (se propuso 3).", p);
    }

    [Fact]
    public void CambiarMesesFuturos_SePermite()
    {
        var protegidos = Reprogramacion.MesesProtegidos(EjecutadoHasta(6), new Dictionary<int, EstadoSeguimiento>());
        var nueva = new MetasActividad(Comportamiento.Suma, [1, 1, 1, 1, 1, 1, 0, 0, 2, 2, 2, 5]);
        Assert.Empty(Reprogramacion.Verificar("FP34-03", Vigente, nueva, protegidos));
    }

    [Fact]
    public void RetirarConMesesEjecutados_SeRechaza_SinEllos_SePermite()
    {
        var protegidos = Reprogramacion.MesesProtegidos(EjecutadoHasta(1), new Dictionary<int, EstadoSeguimiento>());
        var p = Assert.Single(Reprogramacion.Verificar("FP34-03", Vigente, null, protegidos));
        Assert.Contains("No se puede retirar la actividad FP34-03: enero ya tiene ejecución registrada", p);
        Assert.Empty(Reprogramacion.Verificar("FP34-03", Vigente, null, new Dictionary<int, string>()));
    }

    [Fact]
    public void ActividadNueva_EnMesAprobado_DebeTenerMetaCero()
    {
        var protegidos = Reprogramacion.MesesProtegidos(new decimal?[12], new Dictionary<int, EstadoSeguimiento> { [1] = EstadoSeguimiento.Aprobado });
        var nueva = new MetasActividad(Comportamiento.Suma, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Contains("debe quedar en 0 (se propuso 2)", Assert.Single(Reprogramacion.Verificar("N-01", null, nueva, protegidos)));
        var despues = new MetasActividad(Comportamiento.Suma, [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Empty(Reprogramacion.Verificar("N-01", null, despues, protegidos));
    }

    [Fact]
    public void CambiarComportamientoConMesesEjecutados_SeRechaza()
    {
        var protegidos = Reprogramacion.MesesProtegidos(EjecutadoHasta(1), new Dictionary<int, EstadoSeguimiento>());
        var nueva = Vigente with { Comportamiento = Comportamiento.Promedio };
        Assert.Contains("no se puede cambiar el comportamiento de suma a promedio", Assert.Single(Reprogramacion.Verificar("A", Vigente, nueva, protegidos)));
    }
}

public class RetiroTests
{
    [Fact]
    public void Retirar_MesAprobadoSinMetaNiEjecucion_SePermite()
    {
        var vigente = new MetasActividad(Comportamiento.Suma, [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]);
        var febreroAprobado = Reprogramacion.MesesProtegidos(new decimal?[12], new Dictionary<int, EstadoSeguimiento> { [2] = EstadoSeguimiento.Aprobado });
        Assert.Empty(Reprogramacion.Verificar("FP34-04", vigente, null, febreroAprobado));
        var eneroAprobado = Reprogramacion.MesesProtegidos(new decimal?[12], new Dictionary<int, EstadoSeguimiento> { [1] = EstadoSeguimiento.Aprobado });
        Assert.Contains("enero su seguimiento está aprobado", Assert.Single(Reprogramacion.Verificar("FP34-04", vigente, null, eneroAprobado)));
    }
}
