/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/: one page (taskpane.html) loads the task pane, the custom functions and the
 * ribbon commands into the shared runtime; functions.json is generated from the JSDoc of
 * src/functions/functions.ts and functions.zh-CN.json overlays the Chinese descriptions; office.js is served
 * from the @microsoft/office-js package, so the add-in fetches nothing from outside at run time.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeFunctionsMetadata } = require("./scripts/localizeFunctionsMetadata");

const DEV_URL = "https://localhost:3000/";
/** Where the add-in is hosted in production; set ADDIN_URL when deploying. */
const PROD_URL = process.env.ADDIN_URL || DEV_URL;

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
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      "segmentation.worker": "./src/taskpane/segmentation.worker.ts",
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
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
          {
            from: "**/*",
            context: OFFICE_JS_DIST,
            to: "office-js/[path][name][ext]",
            info: { minimized: true }, // already minified by Microsoft; keeps terser off 8 MB of office.js
            filter: (file) => isOfficeJsFile(path.relative(OFFICE_JS_DIST, file).split(path.sep).join("/")),
          },
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
