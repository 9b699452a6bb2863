import { defineConfig } from "vite";

// The Tauri window loads the dev server at this fixed port (tauri.conf.json devUrl).
export default defineConfig({
  clearScreen: false,
  server: { port: 1420, strictPort: true, watch: { ignored: ["**/src-tauri/**", "**/target/**"] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, sourcemap: false },
  test: { environment: "happy-dom", include: ["src/**/*.test.ts"] },
});
