// e2e specs drive real processes and services; their own `eventually` deadlines bound each wait.
jest.setTimeout(180_000);
