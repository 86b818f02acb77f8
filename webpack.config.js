/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/: one page (taskpane.html) loads the task pane, the custom functions and the
 * ribbon commands into the shared runtime, with ONE webpack runtime (runtime.js) and the modules they share
 * split into common chunks, so each module (the engine, src/office/lastRun.ts's state) exists once on the page.
 * The segmentation Web Worker is its own entry with its own runtime and its own copy of the engine.
 * functions.json is generated from the JSDoc of src/functions/functions.ts and functions.zh-CN.json overlays the
 * Chinese descriptions. office.js: Microsoft's CDN in production; the npm copy in development (offline).
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeFunctionsMetadata } = require("./scripts/localizeFunctionsMetadata");
const { DEV_URL, addinUrl, officeJsSource } = require("./scripts/addinUrl");

/** The entries loaded into the shared-runtime page; the worker is not one of them. */
const PAGE_ENTRIES = ["functions", "commands", "taskpane"];
const onPage = (chunk) => chunk.name !== "segmentation.worker";

const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
/** The Excel and shared parts of office.js plus every locale's strings: no other hosts, no debug builds, no telemetry. */
const OFFICE_JS_FILES = /^(office\.js|o15apptofilemappingtable\.js|custom-functions-runtime\.js|excel[^/]*\.js|[a-z]{2,3}(-[a-z0-9]+)+\/(office|excel)_strings\.js)$/;
const isOfficeJsFile = (relative) => OFFICE_JS_FILES.test(relative) && !relative.endsWith(".debug.js");

/**
 * HTTPS options for the dev server: Office's dev certificates, installed as trusted where possible. Where the CA
 * cannot be installed (no sudo, a CI box), the generated certificates are used anyway and the browser or Office
 * must be told to trust ~/.office-addin-dev-certs/ca.crt by hand.
 */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const fs = require("fs");
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    console.warn(`[kpi-review] Could not install the dev CA (${error.message.split("\n")[0]}); serving with the certificates in ${dir}, which Office will trust only after you trust ca.crt yourself.`);
    return { key: fs.readFileSync(path.join(dir, "localhost.key")), cert: fs.readFileSync(path.join(dir, "localhost.crt")), ca: fs.readFileSync(path.join(dir, "ca.crt")) };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const httpsOptions = env && env.WEBPACK_SERVE ? await devHttpsOptions() : undefined;
  const { url: ADDIN_URL, warning } = addinUrl(dev);
  if (warning) console.warn(`[kpi-review] WARNING: ${warning}`);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // One runtime chunk for the page's entries (what `optimization.runtimeChunk: "single"` does, but per entry,
      // so that the worker keeps its runtime inside segmentation.worker.js).
      functions: { import: "./src/functions/functions.ts", runtime: "runtime" },
      commands: { import: "./src/commands/commands.ts", runtime: "runtime" },
      taskpane: { import: "./src/taskpane/index.tsx", runtime: "runtime" },
      "segmentation.worker": "./src/taskpane/segmentation.worker.ts",
    },
    optimization: {
      splitChunks: {
        chunks: onPage,
        cacheGroups: {
          vendors: { test: /[\\/]node_modules[\\/]/, name: "vendors", chunks: onPage, priority: -10, reuseExistingChunk: true },
          shared: { minChunks: 2, minSize: 0, name: "shared", chunks: onPage, priority: -20, reuseExistingChunk: true },
          default: false,
          defaultVendors: false,
        },
      },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules let webpack tree-shake Fluent UI; types are checked by `npm run typecheck`, not here.
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.json", transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJs: officeJsSource(dev) },
        chunks: PAGE_ENTRIES,
        chunksSortMode: "manual",
        // After the page's own ES5 check (a plain message on Trident/IE11 instead of a blank pane).
        inject: "body",
        scriptLoading: "blocking",
      }),
      {
        apply(compiler) {
          if (!warning) return;
          compiler.hooks.thisCompilation.tap("AddinUrlWarning", (compilation) => compilation.warnings.push(new compiler.webpack.WebpackError(warning)));
        },
      },
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(ADDIN_URL)),
          },
          // The npm copy of office.js, for development and offline use only: production loads Microsoft's CDN.
          ...(dev ? [{
            from: "**/*",
            context: OFFICE_JS_DIST,
            to: "office-js/[path][name][ext]",
            info: { minimized: true }, // already minified by Microsoft; keeps terser off 8 MB of office.js
            filter: (file) => isOfficeJsFile(path.relative(OFFICE_JS_DIST, file).split(path.sep).join("/")),
          }] : []),
        ],
      }),
      {
        // functions.zh-CN.json: the generated metadata with the Chinese descriptions of src/i18n/functionDocs.ts.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("LocalizeFunctionsMetadata", (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: "LocalizeFunctionsMetadata", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                const english = compilation.getAsset("functions.json");
                if (!english) return;
                const chinese = localizeFunctionsMetadata(JSON.parse(english.source.source().toString()), "zh");
                compilation.emitAsset("functions.zh-CN.json", new compiler.webpack.sources.RawSource(JSON.stringify(chinese, null, 2)));
              },
            );
          });
        },
      },
    ],
    devServer: {
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
