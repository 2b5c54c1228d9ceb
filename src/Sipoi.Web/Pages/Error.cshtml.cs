using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sipoi.Web.Pages;

public sealed class ErrorModel : PageModel
{
    public string Titulo { get; private set; } = "Ocurrió un error";
    public string Mensaje { get; private set; } = "No se pudo completar la solicitud. Intente de nuevo; si persiste, avise a la oficina de planeamiento.";

    public void OnGet(int? codigo)
    {
        if (codigo == 404)
        {
            Titulo = "Página no encontrada";
            Mensaje = "La entidad, el año o la actividad que busca no existe.";
        }
        else if (codigo == 403)
        {
            Titulo = "Acceso denegado";
            Mensaje = "No tiene permiso para ver esta página.";
        }
    }
}
