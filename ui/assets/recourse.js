// Recourse page behaviour. Runs in the page head, before Gradio renders, so Escape works from the first moment.
// window.RECOURSE = {exit: {lang: url}, htmlLang: {lang: tag}} is set just before this script.
(() => {
  const config = window.RECOURSE || { exit: {}, htmlLang: {} };
  const reducedMotion = () => window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function exitUrl() {
    const lang = (document.documentElement.dataset.uiLang || "en");
    return config.exit[lang] || config.exit.en;
  }

  // Quick exit: wipe the page first (so nothing lingers in the back/forward cache), then replace this history
  // entry with a neutral site, so Back does not return to the conversation.
  function quickExit(event) {
    if (event) { event.preventDefault(); event.stopPropagation(); }
    const url = exitUrl();
    try { document.title = ""; document.body.replaceChildren(); } catch (e) { /* keep leaving */ }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be blocked */ }
    window.location.replace(url);
  }
  window.recourseQuickExit = quickExit;

  // Escape leaves, except when it means something else to the person pressing it: closing an open dropdown or a
  // select's options, or cancelling what an input method (Chinese pinyin, Japanese, Korean) is composing.
  let composing = false;
  let openSelect = null;  // a native <select> whose options we saw open; its popup may take the Escape itself
  document.addEventListener("compositionstart", () => { composing = true; }, true);
  document.addEventListener("compositionend", () => { composing = false; }, true);
  document.addEventListener("mousedown", (event) => {
    const select = event.target instanceof Element ? event.target.closest("select") : null;
    openSelect = select && !select.multiple && select.size <= 1 && openSelect !== select ? select : null;
  }, true);
  for (const name of ["change", "blur"]) document.addEventListener(name, () => { openSelect = null; }, true);

  function popupOpen() {
    if (openSelect && document.activeElement === openSelect) return true;
    // Gradio's dropdown (and any ARIA combobox) says it is open with aria-expanded on its input.
    return document.querySelector('[aria-expanded="true"]:is([role="combobox"], [aria-haspopup="listbox"])') !== null;
  }

  function composingNow(event) {
    // keyCode 229: the key went to the input method (Safari sends Escape this way just after compositionend).
    return composing || event.isComposing || event.keyCode === 229;
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" && event.key !== "Esc") {
      const select = event.target instanceof Element ? event.target.closest("select") : null;
      if (select && (event.key === "F4" || (event.altKey && event.key.startsWith("Arrow")) || event.key === " ")) {
        openSelect = select;  // opened from the keyboard
      }
      return;
    }
    if (composingNow(event) || popupOpen()) return;
    quickExit(event);
  }, true);
  // Chromium's select popup takes the Escape's keydown and lets the page see only its keyup: closed by now.
  document.addEventListener("keyup", (event) => {
    if (event.key === "Escape" || event.key === "Esc") openSelect = null;
  }, true);

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest("[data-quick-exit]")) { quickExit(event); return; }
    const marker = target.closest("a[data-source]");
    if (marker) {
      // A marker opens its source card in place, without adding a history entry.
      event.preventDefault();
      const card = document.getElementById(marker.dataset.source);
      if (!card) return;
      const passage = card.querySelector("details");
      if (passage) passage.open = true;
      card.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
      card.focus({ preventScroll: true });
      card.classList.add("rc-flash");
      window.setTimeout(() => card.classList.remove("rc-flash"), 1600);
    }
  }, true);

  // A page restored from the back/forward cache starts afresh: the conversation never comes back.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) { document.body.replaceChildren(); window.location.reload(); }
  });

  // Keep <html lang> in step with the interface, bring a new question into view, and announce finished answers.
  const announced = new Set();
  let newestTurn = "";
  let following = "";  // the new turn kept in view while its answer arrives, until the person scrolls themselves
  const stopFollowing = () => { following = ""; };
  for (const name of ["wheel", "touchstart"]) {
    window.addEventListener(name, stopFollowing, { passive: true, capture: true });
  }
  window.addEventListener("keydown", (event) => {
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "].includes(event.key)
        && !(event.target instanceof Element && event.target.closest("textarea, input, select"))) stopFollowing();
  }, true);
  function update() {
    const header = document.querySelector(".rc-header[data-ui-lang]");
    if (header) {
      const lang = header.dataset.uiLang;
      document.documentElement.dataset.uiLang = lang;
      document.documentElement.lang = config.htmlLang[lang] || lang;
    }
    // Gradio's radio group is a fieldset without a legend: name it after its visible label.
    const group = document.getElementById("rc-language");
    const caption = group && group.querySelector("[data-testid=block-info]");
    if (caption && group.getAttribute("aria-label") !== caption.textContent) {
      group.setAttribute("aria-label", caption.textContent);
    }
    const all = document.querySelectorAll("#rc-conversation .rc-turn");
    const newest = all[all.length - 1];
    if (!newest) {
      newestTurn = "";
    } else if (newest.dataset.turn !== newestTurn) {
      newestTurn = following = newest.dataset.turn;
    }
    if (newest && following === newest.dataset.turn) {
      // Aim again at every step of the answer: the page grows as it streams in, and a scroll aimed while it was
      // still short stops short of the turn's start (that left a new answer below the fold on a desktop).
      newest.scrollIntoView({ block: "start", behavior: reducedMotion() ? "auto" : "smooth" });
      if (newest.dataset.state === "done") following = "";
    }
    const status = document.getElementById("rc-status");
    all.forEach((turn) => {
      if (turn.dataset.state === "done" && !announced.has(turn.dataset.turn)) {
        announced.add(turn.dataset.turn);
        if (status) status.textContent = turn.dataset.status || "";
      }
    });
    if (all.length === 0) announced.clear();
  }
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(() => { scheduled = false; update(); });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true,
                                         attributeFilter: ["data-state", "data-ui-lang"] });
})();
