// Ações: "Enviar no WhatsApp" logs the contact and opens WhatsApp in a new tab. When the person comes back
// to this tab it reloads, at the next card, to show "Contato registrado · Desfazer" without the contacted
// row. Without this script the same happens on the next visit to the page.
(function () {
  var pending = null;
  function back() {
    if (pending === null || document.visibilityState !== 'visible') return;
    history.replaceState(null, '', pending ? '#' + pending : location.pathname + location.search);
    pending = null;
    location.reload();
  }
  document.querySelectorAll('button[data-whatsapp]').forEach(function (b) {
    b.addEventListener('click', function () {
      pending = b.getAttribute('data-next') || '';
      // A phone hides this tab while WhatsApp is in front; where it does not, come back after a moment.
      setTimeout(back, 1500);
    });
  });
  document.addEventListener('visibilitychange', back);
})();
