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
