using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sipoi.Web.Arranque;

namespace Sipoi.Web.Pages;

/// <summary>Also shown, re-executed, for a status code (404, 403) at the URL that produced it.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Titulo { get; private set; } = "Ocurrió un error";
    public string Mensaje { get; private set; } = "No se pudo completar la solicitud. Intente de nuevo; si persiste, avise a la oficina de planeamiento.";

    /// <summary>
    /// A refused POST (403, 429, a form too large, a field with a NUL) is re-executed as a POST: the same page. The code
    /// is read from the query by hand, not bound: binding would read the refused form again.
    /// </summary>
    public void OnPost() => OnGet();

    public void OnGet()
    {
        int? codigo = int.TryParse(Request.Query["codigo"], out var n) ? n : null;
        if (codigo == 404)
        {
            Titulo = "Página no encontrada";
            Mensaje = "La entidad, el año o la actividad que busca no existe.";
        }
        else if (codigo == 400)
        {
            Titulo = "Solicitud no válida";
            Mensaje = "El formulario caducó o no es válido. Vuelva a la página anterior, recárguela e intente de nuevo.";
        }
        else if (codigo == 429)
        {
            Titulo = "Demasiados intentos";
            Mensaje = Seguridad.LimiteIngreso.Mensaje;
        }
        else if (codigo == 413)
        {
            Titulo = "Solicitud demasiado grande";
            Mensaje = "Lo enviado supera el tamaño que acepta esta página. Envíe un archivo o un texto más pequeño.";
        }
        else if (codigo == 403)
        {
            Titulo = "Acceso denegado";
            Mensaje = "Su usuario no tiene permiso para ver esta página: pertenece a otra entidad o su rol no lo permite. " +
                "Si cree que debería tenerlo, pida al administrador de su entidad que revise sus roles.";
        }
        // The precise reason, when the input guard (Arranque/LimitesEntrada.cs) refused the request: which field, which limit.
        if (codigo is 400 or 413 && HttpContext.Items[LimitesEntrada.ClaveMensaje] is string detalle) Mensaje = detalle;
    }
}
