using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Pages.Entidades;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>
    /// `sipoi entidad --codigo C --nombre N [--tipo T] [--siglas S]`: an empty entity, without administrator. On an empty
    /// database it is the only way to get the first national administrator (every user belongs to an entity): create the
    /// national office's entity here, then `sipoi usuario --entidad C … --nacional si`, who creates the other entities and
    /// their administrators at /entidades/nueva. The same checks as that page (AltaEntidad); audited as «cli:usuario».
    /// </summary>
    private static async Task<int> EntidadAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var datos = new DatosEntidadNueva
        {
            Codigo = a.Requerida("codigo"),
            Nombre = a.Requerida("nombre"),
            Tipo = a.Opcion("tipo"),
            Siglas = a.Opcion("siglas"),
        };
        a.SinSobrantes();
        var (entidad, errores) = await AltaEntidad.EntidadAsync(db, datos, ct);
        if (entidad is null) throw new ErrorCli(string.Join(" ", errores));
        db.Entidades.Add(entidad);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Peis.EdicionPei.EsDuplicado(e))
        {
            throw new ErrorCli($"Código: ya existe la entidad {entidad.Codigo}.");
        }
        await salida.WriteLineAsync($"Se creó la entidad {entidad.Codigo} «{entidad.Nombre}», sin usuarios. Su primer usuario: ./sipoi usuario --entidad {entidad.Codigo} --correo … --nombre … [--nacional si]");
        return 0;
    }
}
