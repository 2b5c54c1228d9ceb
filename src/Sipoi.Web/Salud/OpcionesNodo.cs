namespace Sipoi.Web.Salud;

/// <summary>Settings of one web node (section Sipoi:Nodo; docs/despliegue.md, «Varios nodos web»).</summary>
public sealed class OpcionesNodo
{
    public const string Seccion = "Sipoi:Nodo";

    /// <summary>How long a stopping node lets in-flight requests finish (HostOptions.ShutdownTimeout).</summary>
    public int SegundosDeCierre { get; set; } = 30;

    /// <summary>
    /// How long a stopping node keeps serving while /salud/listo already answers 503, before it closes its listener:
    /// the time a proxy that probes readiness needs to notice (two probe intervals). 0: close at once.
    /// </summary>
    public int SegundosDeRetiro { get; set; }

    /// <summary>Run one evaluation at start (<see cref="Precalentamiento"/>); readiness waits for it.</summary>
    public bool Precalentar { get; set; } = true;

    /// <summary>The longest /salud/listo waits for the database before it answers 503.</summary>
    public int SegundosMaximosBaseDeDatos { get; set; } = 3;
}
