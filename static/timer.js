// Count down a timed attempt's clock (the page already shows the time left without this).
// Announce it in the live region at 5 minutes, 1 minute and 0, not every second; when time is
// up, reload: the server then submits the saved answers and shows the result.
(function () {
  "use strict";
  var box = document.querySelector(".timer[data-seconds-left]");
  if (!box) return;
  var clock = box.querySelector(".timer-clock");
  var announce = box.querySelector(".timer-announce");
  var end = Date.now() + parseInt(box.getAttribute("data-seconds-left"), 10) * 1000;
  var said = {};
  var thresholds = [[300, "Five minutes left."], [60, "One minute left: save your answer."],
                    [0, "Time is up. Your saved answers are being submitted."]];

  function words(s) {
    var m = Math.floor(s / 60), r = s % 60;
    if (m >= 10) return m + " minutes";
    if (m > 0) return m + " min " + (r < 10 ? "0" : "") + r + " s";
    return r + " seconds";
  }

  function tick() {
    var left = Math.max(0, Math.round((end - Date.now()) / 1000));
    clock.textContent = words(left);
    thresholds.forEach(function (t) {
      if (left <= t[0] && !said[t[0]]) {
        said[t[0]] = true;
        if (left > t[0] - 5 || t[0] === 0) {  // not on a page opened long past a threshold
          announce.textContent = t[1];
          announce.classList.remove("visually-hidden");
          box.classList.add("timer-urgent");
        }
      }
    });
    if (left === 0) {
      window.clearInterval(timer);
      window.setTimeout(function () { window.location.reload(); }, 6000);
    }
  }
  var timer = window.setInterval(tick, 1000);
  tick();
})();
