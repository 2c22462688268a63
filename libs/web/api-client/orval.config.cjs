// Generates the typed client (react-query hooks, fetch functions, models) from the committed spec.
// Run through `npm run generate:client`; CI regenerates and fails on any diff, so nothing here may
// depend on time, the machine or the environment.
const path = require('node:path');

module.exports = {
  cadence: {
    input: {
      target: path.resolve(__dirname, '../../shared/contract/openapi.json'),
    },
    output: {
      mode: 'split',
      target: path.resolve(__dirname, 'src/generated/cadence.ts'),
      schemas: path.resolve(__dirname, 'src/generated/model'),
      client: 'react-query',
      httpClient: 'fetch',
      clean: true,
      override: {
        mutator: {
          path: path.resolve(__dirname, 'src/lib/fetcher.ts'),
          name: 'customFetch',
        },
        // The fetcher returns the parsed body and throws ApiError otherwise, so hooks get the DTO itself.
        fetch: { includeHttpResponseReturnType: false },
        query: { useQuery: true, signal: true },
      },
    },
  },
};
