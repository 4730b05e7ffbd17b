// Shared fixtures for the test targets.
