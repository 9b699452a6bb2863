import "./styles.css";
import { App } from "./app";
import { interceptLinks } from "./links";

interceptLinks(document);
const root = document.getElementById("app");
if (root) void new App(root).start();
