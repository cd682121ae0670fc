// Optional help on the purchase form: a live lookup of the customer (phone.js formats the number), and an
// amount that fills from the right. The form works the same without it.
(function () {
  // As on a card machine: digits only, the last two are the cents ("1", "10", "1000" → "10,00"). The server
  // reads "10,00" exactly as it reads it typed by hand without this script (MoneyText.TryParseReais).
  var amount = document.querySelector('input[data-cents]');
  if (amount) {
    var cents = function (v) {
      var d = v.replace(/\D/g, '').replace(/^0+/, '');
      if (d === '') return '';
      while (d.length < 3) d = '0' + d;
      return d.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ',' + d.slice(-2);
    };
    // A value the server sent back ("45", "45,9") is shown with its cents before the first digit is typed.
    var m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(amount.value.trim());
    if (m) amount.value = cents(m[1] + ((m[2] || '') + '00').slice(0, 2));
    amount.setAttribute('inputmode', 'numeric');
    amount.addEventListener('input', function () { amount.value = cents(amount.value); });
  }

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
