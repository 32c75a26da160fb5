/**
 * `dandelion-widgets`: defines every widget (each only if its tag name is still free) and
 * re-exports the core.
 */
export * from './core/index.js';
