// Filters the scenario list and opens every scenario; the report works without it.
(function () {
  var buttons = document.querySelectorAll('.filters button[data-filter]');
  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      buttons.forEach(function (b) { b.classList.toggle('active', b === button); });
      var onlyRed = button.getAttribute('data-filter') === 'red';
      document.querySelectorAll('details.scenario').forEach(function (scenario) {
        scenario.style.display = onlyRed && scenario.getAttribute('data-green') === 'true' ? 'none' : '';
      });
    });
  });
  var expand = document.querySelector('.filters button[data-expand]');
  if (expand) {
    expand.addEventListener('click', function () {
      document.querySelectorAll('details.scenario').forEach(function (scenario) { scenario.open = true; });
    });
  }
})();
