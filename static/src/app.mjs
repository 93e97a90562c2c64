// Starts every GOV.UK Frontend component on the page, then our own enhancements.
//
// The page loads this file as
//   <script type="module" src=".../app.mjs" data-govuk-frontend=".../govuk-frontend.min.js">
// and GOV.UK Frontend is imported from that attribute's URL, not from a relative
// "./govuk-frontend.min.js": in production ManifestStaticFilesStorage gives both
// files hashed names and does not rewrite imports inside JavaScript, but
// {% static %} in the template does give the hashed URL.

const script = document.querySelector("script[data-govuk-frontend]");

if (script) {
  import(script.dataset.govukFrontend).then(({ initAll }) => initAll());
}

// A table region (templates/django_tables2/govuk.html) is focusable so keyboard
// users can scroll it sideways; when the table fits, it needs no tab stop.
function updateScrollRegion(region) {
  if (region.scrollWidth > region.clientWidth) {
    region.setAttribute("tabindex", "0");
  } else {
    region.removeAttribute("tabindex");
  }
}

const regions = document.querySelectorAll("[data-app-scroll-region]");
if (regions.length && "ResizeObserver" in window) {
  const observer = new ResizeObserver((entries) => {
    entries.forEach((entry) => updateScrollRegion(entry.target));
  });
  regions.forEach((region) => {
    updateScrollRegion(region);
    observer.observe(region);
  });
}

// A task's progress, asked every two seconds from the status URL, the page reloading
// when the task has finished. Used by the agenda pack build
// (templates/governance/packs/pack_detail.html) and a big file's import
// (templates/common/import_progress.html). Mark up the box as
//   <div data-app-progress-url="STATUS URL">
//     <progress data-app-progress-bar max="100" value="0">0%</progress>
//     <p aria-live="polite" data-app-progress-step>Waiting to start (0% done)</p>
//     <p data-app-progress-refresh><a href="...">Refresh to see progress</a></p>
//   </div>
// The status URL answers JSON {progress: 0-100, step or state_words: words, finished}.
// Without JavaScript the page keeps its "Refresh to see progress" link.
function followProgress(box) {
  const bar = box.querySelector("[data-app-progress-bar]");
  const step = box.querySelector("[data-app-progress-step]");
  box.querySelector("[data-app-progress-refresh]")?.remove();
  function poll() {
    fetch(box.dataset.appProgressUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then((response) => response.json())
      .then((status) => {
        bar.value = status.progress;
        bar.textContent = `${status.progress}%`;
        const words = `${status.step || status.state_words} (${status.progress}% done)`;
        if (step.textContent !== words) {
          step.textContent = words;
        }
        if (status.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(() => window.setTimeout(poll, 5000));
  }
  window.setTimeout(poll, 1000);
}

if (window.fetch) {
  document.querySelectorAll("[data-app-progress-url]").forEach(followProgress);
}

// What a person typed is not lost when a save fails: each form's text boxes are kept in
// this tab's sessionStorage when the form is sent, and put back into the same form's
// empty boxes when it is shown again (Back from the "too big" page, or after a server
// error). Kept text lives only until the next ordinary page: only an error page (one
// marked data-app-keep-drafts) keeps it longer; a page with a success banner means the
// save worked, so nothing is put back there. Signing out forgets it all. Text too big
// for the browser's storage is not kept.
const DRAFT_PREFIX = "app-draft:";

function draftKey(form, field) {
  const action = new URL(form.getAttribute("action") || "", window.location.href);
  return `${DRAFT_PREFIX}${action.pathname}#${field.name}`;
}

function forgetDrafts() {
  Object.keys(window.sessionStorage)
    .filter((key) => key.startsWith(DRAFT_PREFIX))
    .forEach((key) => window.sessionStorage.removeItem(key));
}

function keepDrafts(form) {
  form.querySelectorAll("textarea[name]").forEach((field) => {
    const key = draftKey(form, field);
    try {
      if (field.value.trim()) {
        window.sessionStorage.setItem(key, field.value);
      } else {
        window.sessionStorage.removeItem(key);
      }
    } catch {
      window.sessionStorage.removeItem(key); // over the storage quota: nothing to keep
    }
  });
}

function restoreDrafts() {
  document.querySelectorAll("form[method='post' i] textarea[name]").forEach((field) => {
    const kept = window.sessionStorage.getItem(draftKey(field.form, field));
    if (kept && !field.value) {
      field.value = kept;
      field.dispatchEvent(new Event("input", { bubbles: true })); // character counts
    }
  });
}

function startDrafts() {
  if (!document.querySelector(".govuk-notification-banner--success")) {
    restoreDrafts();
  }
  if (!document.querySelector("[data-app-keep-drafts]")) {
    forgetDrafts();
  }
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.hasAttribute("data-app-forget-drafts")) {
      forgetDrafts();
    } else if ((form.getAttribute("method") || "").toLowerCase() === "post") {
      keepDrafts(form);
    }
  });
}

try {
  startDrafts();
} catch {
  // sessionStorage switched off (some privacy settings): forms work as before
}
