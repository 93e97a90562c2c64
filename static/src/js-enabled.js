// Marks the page as having JavaScript before anything is drawn, as GOV.UK Frontend's
// page template does, from a file rather than inline so the Content-Security-Policy
// needs no 'unsafe-inline'. Loaded as a classic script straight after <body> opens.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
