/* eslint-disable no-undef */
/** Builds the pane harness (test/e2e/harness.tsx) into test-output/e2e-harness for the Chromium test. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const ROOT = path.resolve(__dirname, "..", "..");

module.exports = {
  mode: "development",
  devtool: false,
  context: ROOT,
  entry: { harness: "./test/e2e/harness.tsx", "segmentation.worker": "./src/taskpane/segmentation.worker.ts" },
  // KPI_HARNESS_OUT: each Chromium test file builds into a folder of its own (test/e2e/chromiumHarness.ts).
  output: { path: process.env.KPI_HARNESS_OUT || path.join(ROOT, "test-output", "e2e-harness"), filename: "[name].js", clean: true },
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, not its Node tooling.
    alias: { "office-addin-manifest$": path.join(ROOT, "node_modules", "office-addin-manifest", "lib", "officeApp.js") },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } },
      },
    ],
  },
  performance: { hints: false },
  plugins: [new HtmlWebpackPlugin({ filename: "index.html", chunks: ["harness"], templateContent: '<!doctype html><html><head><meta charset="utf-8"><title>KPI Review</title></head><body style="margin:0"><div id="container"></div></body></html>' })],
};
