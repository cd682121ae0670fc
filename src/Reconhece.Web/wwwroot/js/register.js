// Optional help on the purchase form: a phone mask and a live lookup of the customer.
// The form works the same without it.
(function () {
  var phone = document.getElementById('Phone');
  var box = document.getElementById('lookup');
  if (!phone || !box) return;
  var timer = null, last = '';

  function mask(digits) {
    if (digits.startsWith('55') && digits.length > 11) digits = digits.slice(2);
    digits = digits.slice(0, 11);
    if (digits.length <= 2) return digits;
    if (digits.length <= 6) return '(' + digits.slice(0, 2) + ') ' + digits.slice(2);
    if (digits.length <= 10) return '(' + digits.slice(0, 2) + ') ' + digits.slice(2, 6) + '-' + digits.slice(6);
    return '(' + digits.slice(0, 2) + ') ' + digits.slice(2, 7) + '-' + digits.slice(7);
  }

  phone.addEventListener('input', function () {
    var digits = phone.value.replace(/\D/g, '');
    if (!phone.value.trim().startsWith('+')) phone.value = mask(digits);
    clearTimeout(timer);
    if (digits.length < 10) { box.textContent = ''; return; }
    timer = setTimeout(function () {
      if (digits === last) return;
      last = digits;
      fetch(phone.dataset.lookup + '?telefone=' + encodeURIComponent(digits), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (c) {
          box.textContent = c ? c.text : '';
        })
        .catch(function () { box.textContent = ''; });
    }, 250);
  });
})();
