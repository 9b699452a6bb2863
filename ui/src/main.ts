import "./styles.css";
import { App } from "./app";
import { interceptLinks } from "./links";
import { lintTimings } from "./lint";

// Read by the end-to-end typing benchmark (tests/e2e/bench.mjs).
Object.defineProperty(window, "datelineLintTimings", { value: lintTimings });

interceptLinks(document);
const root = document.getElementById("app");
if (root) void new App(root).start();
