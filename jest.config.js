/** @type {import('jest').Config} */
module.exports = {
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
    // hyparquet (the pane's Parquet reader) is published as ES modules only: compiled to CommonJS for jest.
    "/node_modules/hyparquet/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2020" }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!hyparquet/)"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ESM-only dependencies break jest on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
