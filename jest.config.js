// Two projects: unit specs beside the code, e2e specs in test/ against real services.
// Specs are transpiled file by file (isolatedModules); `npm run typecheck` is what type-checks them.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }];
const common = {
  testEnvironment: '<rootDir>/test/jest-node-env.js',
  transform: { '^.+\\.(t|j)s$': tsJest },
  // ESM-only packages are transpiled so Jest's CJS runtime can load them.
  transformIgnorePatterns: [
    '/node_modules/(?!(file-type|strtok3|token-types|peek-readable|@tokenizer|uint8array-extras|openid-client|oauth4webapi|jose)/)',
  ],
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/bin/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/setup-e2e.ts'],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
  ],
};
