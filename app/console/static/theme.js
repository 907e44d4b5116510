// Dark or light, set before the first paint: the choice made on this browser, else the system's.
"use strict";
document.documentElement.dataset.theme = localStorage.getItem("armswatch-theme") ||
  (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
