// Follows a background PDF conversion (Pages/Reportes/Pdf): asks its state every 1.5 s, updates the bar and the
// text, and shows the download link when it is ready. Without JavaScript the page's meta refresh does the same.
(function () {
    'use strict';
    var caja = document.getElementById('progreso-pdf');
    if (!caja) return;
    var url = caja.getAttribute('data-estado');
    var barra = document.getElementById('barra-pdf');
    var estado = document.getElementById('estado-pdf');
    var enlace = document.getElementById('enlace-pdf');
    function consultar() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
            .then(function (e) {
                barra.max = e.maximo;
                barra.value = e.valor;
                barra.textContent = e.valor + ' de ' + e.maximo;
                estado.textContent = e.texto;
                if (e.listo) { enlace.hidden = false; return; }
                if (e.fallido) { window.location.reload(); return; }
                window.setTimeout(consultar, 1500);
            })
            .catch(function () { window.setTimeout(consultar, 5000); });
    }
    if (enlace.hidden) window.setTimeout(consultar, 1000);
})();
