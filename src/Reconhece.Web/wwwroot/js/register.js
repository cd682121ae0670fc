// Optional help on the purchase form: a live lookup of the customer (phone.js formats the number).
// The form works the same without it.
(function () {
  var phone = document.getElementById('Phone');
  var box = document.getElementById('lookup');
  if (!phone || !box) return;
  var timer = null, last = '';

  phone.addEventListener('input', function () {
    var typed = phone.value;
    clearTimeout(timer);
    if (typed.replace(/\D/g, '').length < 10) { box.textContent = ''; return; }
    timer = setTimeout(function () {
      if (typed === last) return;
      last = typed;
      fetch(phone.dataset.lookup + '?telefone=' + encodeURIComponent(typed), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          box.textContent = c ? c.text : '';
        })
        .catch(function () { box.textContent = ''; });
    }, 250);
  });
})();
